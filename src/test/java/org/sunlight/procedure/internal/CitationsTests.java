package org.sunlight.procedure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitationsTests {

    @Test
    void articlesAreAttributedToTheLawNamedWithThemOrElseToTheTextsMainLaw() {
        assertThat(Citations.in("符合立案标准的，应当及时立案（行政处罚法第五十四条第二款）；不及时立案的依第七十六条追责。"
                + "线索应在十五日内核查（住房和城乡建设行政处罚程序规定第十五条，地方规章）。超过追责时效的不予立案（第三十六条）。"))
                .extracting(Citations.Citation::text)
                .containsExactly("行政处罚法第五十四条", "行政处罚法第七十六条", "住房和城乡建设行政处罚程序规定第十五条",
                        "行政处罚法第三十六条");
    }

    @Test
    void bookTitleMarksArabicNumeralsAndPolicyDocuments() {
        assertThat(Citations.in("《建设工程质量管理条例》第59条：建设单位未移交档案的，责令改正（国办发〔2018〕118号）。"
                + "当事人违反建设工程安全生产管理条例第55条的，依照行政处罚法第105条"))
                .extracting(Citations.Citation::text)
                .containsExactly("建设工程质量管理条例第五十九条", "建设工程安全生产管理条例第五十五条", "行政处罚法第一百零五条",
                        "国办发〔2018〕118号");
    }

    @Test
    void aTextWithoutLawCitesNothing() {
        assertThat(Citations.in("第75天向承办人预警（本机关规定）。")).isEmpty();
        assertThat(Citations.in("裁量分三档见国办发〔2022〕27号；北京参照京建法〔2023〕2号")).extracting(Citations.Citation::text)
                .containsExactly("国办发〔2022〕27号", "京建法〔2023〕2号");
        assertThat(Citations.in(null)).isEmpty();
        assertThat(Citations.chinese("10")).isEqualTo("十");
        assertThat(Citations.chinese("110")).isEqualTo("一百一十");
        assertThat(Citations.chinese("二十")).isEqualTo("二十");
    }
}
