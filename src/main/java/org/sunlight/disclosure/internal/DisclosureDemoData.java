package org.sunlight.disclosure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Seeds the demo catalogue (disclosure/demo-catalogue.yaml) once, in the demo profile. */
@Component
@Profile("demo")
class DisclosureDemoData implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(DisclosureDemoData.class);
    private static final String ACTING_BODY = "市城乡建设委员会";

    private final CatalogueMapper mapper;
    private final TransactionTemplate transaction;

    DisclosureDemoData(CatalogueMapper mapper, TransactionTemplate transaction) {
        this.mapper = mapper;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!mapper.items(null).isEmpty()) {
            return;
        }
        Map<String, Object> demo;
        try (InputStream in = new ClassPathResource("disclosure/demo-catalogue.yaml").getInputStream()) {
            demo = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the demo catalogue", e);
        }
        try {
            transaction.executeWithoutResult(status -> seed(demo));
            LOG.info("Seeded the demo catalogue of publicity (执法事项清单、服务指南)");
        } catch (DuplicateKeyException e) {
            LOG.debug("Another node seeded the demo catalogue first");
        }
    }

    @SuppressWarnings("unchecked")
    private void seed(Map<String, Object> demo) {
        int order = 0;
        for (Map<String, Object> item : (List<Map<String, Object>>) demo.get("items")) {
            mapper.insertItem(new EnforcementItem((String) item.get("code"), (String) item.get("name"),
                    (String) item.get("category"), (String) item.get("legalBasis"), ACTING_BODY,
                    (String) item.get("departmentId"), (String) item.get("relief"), order += 10), "system");
        }
        for (Map<String, Object> guide : (List<Map<String, Object>>) demo.get("guides")) {
            mapper.insertGuide(new CatalogueMapper.GuideRow((String) guide.get("processKey"), (String) guide.get("name"),
                    (String) guide.get("category"), (String) guide.get("itemCode"), (String) guide.get("acceptingBody"),
                    (String) guide.get("decidingBody"), (String) guide.get("acceptanceConditions"),
                    String.join("\n", (List<String>) guide.get("steps")), (String) guide.get("statutoryLimit"),
                    (String) guide.get("promisedLimit"), String.join("\n", (List<String>) guide.get("materials")),
                    (String) guide.get("fees"), (String) guide.get("place"), (String) guide.get("officeHours"),
                    (String) guide.get("contact"), (String) guide.get("relief")), "system");
        }
    }
}
