package org.sunlight.inspection.internal;

import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo random-inspection list and registry of a city construction commission, seeded once in the demo profile.
 * Names are invented; credit codes are well-formed (GB 32100-2015) but belong to no one.
 */
@Component
@Profile("demo")
class InspectionDemoData implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(InspectionDemoData.class);
    private static final String BY = "demo";

    private final InspectionMapper mapper;
    private final TransactionTemplate transaction;

    InspectionDemoData(InspectionMapper mapper, TransactionTemplate transaction) {
        this.mapper = mapper;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> seedOnce());
    }

    void seedOnce() {
        if (!mapper.items().isEmpty()) {
            return;
        }
        Date now = new Date();
        item("JC-ZL-01", "建设工程参建各方质量行为检查", "《建设工程质量管理条例》第四十七条、第四十八条",
                "建设、施工、监理单位质量责任制落实，施工图审查，材料进场检验，质量验收记录", "owner,contractor,supervision", now);
        item("JC-AQ-01", "建筑施工安全生产检查", "《建设工程安全生产管理条例》第四十条、第四十三条",
                "安全生产责任制，专项施工方案，安全防护，特种作业人员持证上岗，起重机械验收", "contractor", now);
        item("JC-XK-01", "建筑工程施工许可办理情况检查", "《中华人民共和国建筑法》第七条、第六十四条",
                "在建工程是否依法取得施工许可证，是否将工程分解规避办证", "owner", now);
        item("JC-JC-01", "工程质量检测机构检测行为检查", "《建设工程质量管理条例》第三十一条、第四十七条",
                "检测资质，见证取样，检测报告真实性", "testing", now);

        entity("91210100MA0Y7A01X4", "沈阳某甲建设集团有限公司", "contractor", "high", "沈阳市和平区青年大街101号", now);
        entity("91210100MA0Y7B02XC", "沈阳某乙建筑工程有限公司", "contractor", "high", "沈阳市沈河区北站路52号", now);
        entity("91210100MA0Y7C03XL", "沈阳某丙建设工程有限公司", "contractor", "medium", "沈阳市皇姑区黄河南大街18号", now);
        entity("91210100MA0Y7D04XW", "沈阳某丁建筑安装有限公司", "contractor", "medium", "沈阳市铁西区建设东路66号", now);
        entity("91210100MA0Y7E05X5", "沈阳某戊市政工程有限公司", "contractor", "medium", "沈阳市大东区小河沿路9号", now);
        entity("91210100MA0Y7F06XD", "沈阳某己建筑劳务有限公司", "contractor", "low", "沈阳市浑南区创新路3号", now);
        entity("91210100MA0Y7G07XM", "沈阳某庚置业有限公司", "owner", "medium", "沈阳市于洪区沈大路120号", now);
        entity("91210100MA0Y7H08XX", "沈阳某辛房地产开发有限公司", "owner", "low", "沈阳市浑南区全运路8号", now);
        entity("91210100MA0Y7J09X6", "沈阳某壬工程监理有限公司", "supervision", "low", "沈阳市和平区三好街30号", now);
        entity("91210100MA0Y7K10XR", "沈阳某癸工程咨询监理有限公司", "supervision", "medium", "沈阳市沈北新区蒲河路2号", now);
        entity("91210100MA0Y7L11X2", "沈阳某子建设工程质量检测有限公司", "testing", "high", "沈阳市苏家屯区枫杨路7号", now);
        entity("91210100MA0Y7M12XA", "沈阳某丑建材检测中心有限公司", "testing", "low", "沈阳市辽中区蒲东街15号", now);

        mapper.insertConflict(new InspectionConflict("lisi", "91210100MA0Y7C03XL", "配偶在该公司任项目经理", "lisi", now));
        LOG.info("Seeded the demo random-inspection list and registry of regulated entities");
    }

    private void item(String code, String name, String basis, String content, String kinds, Date now) {
        mapper.insertItem(new InspectionItem(code, name, basis, content, kinds, true, now, BY));
    }

    private void entity(String id, String name, String kind, String risk, String address, Date now) {
        mapper.insertEntity(new RegulatedEntity(id, name, kind, risk, address, true, now, BY));
    }
}
