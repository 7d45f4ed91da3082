package org.sunlight.collection;

/**
 * Whether a project has paid its urban infrastructure fee: asked by licensing where the fee must be paid before a
 * construction permit is issued (a local rule, RULES 6.2).
 */
public interface InfrastructureFees {

    /** The fee position of the project with this investment project code (项目代码). */
    FeeStatus status(String projectCode);
}
