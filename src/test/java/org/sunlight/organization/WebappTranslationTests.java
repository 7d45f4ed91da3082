package org.sunlight.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards Sunlight's Simplified Chinese translation of the Camunda 7.24 webapps.
 *
 * <p>Camunda ships only {@code en} and {@code de}; Sunlight adds {@code locales/zh.json} and an
 * overriding {@code scripts/config.js} per app under
 * {@code META-INF/resources/webjars/camunda/app/<app>/}. Both the webjar and Sunlight's own
 * resources live at that classpath prefix, so resources are told apart by their URL: the webjar's
 * come from the {@code camunda-webapp-webjar} jar, Sunlight's from the build output directory.
 *
 * <p>Plain JUnit, no Spring context.
 */
class WebappTranslationTests {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  private static final String WEBJAR_ARTIFACT = "camunda-webapp-webjar";

  /**
   * Values that may stay identical to English: product names, technical tokens and moment.js
   * format patterns that read the same in Chinese.
   */
  private static final Set<String> KEEP_AS_ENGLISH = Set.of(
      "Camunda", "Cockpit", "Tasklist", "Admin", "Optimize",
      "BPMN", "DMN", "DRD", "JSON", "CSV", "XML", "REST", "URL", "LDAP",
      "HH:mm", "YYYY-MM-DDTHH:mm:ss");

  private static final Pattern LATIN_LETTER = Pattern.compile("[A-Za-z]");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern AVAILABLE_LOCALES =
      Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]");
  /** 'en', or (Sunlight) "chinese ? 'zh' : 'en'": a Chinese browser needs no fallback, every other gets English. */
  private static final Pattern FALLBACK_LOCALE =
      Pattern.compile("fallbackLocale\\s*:\\s*(?:chinese\\s*\\?\\s*'zh'\\s*:\\s*)?['\"]([^'\"]*)['\"]");

  private final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseLocaleCoversEveryEnglishKey(String app) throws IOException {
    Map<String, JsonNode> en = englishLabels(app);
    Map<String, JsonNode> zh = chineseLabels(app);

    List<String> missing = new ArrayList<>();
    for (String key : en.keySet()) {
      if (!zh.containsKey(key)) {
        missing.add(key);
      }
    }
    double coverage = 100.0 * (en.size() - missing.size()) / en.size();
    if (!missing.isEmpty()) {
      fail(String.format("%s zh.json covers %d of %d keys (%.2f %%); missing keys:%n  %s",
          app, en.size() - missing.size(), en.size(), coverage, String.join("\n  ", missing)));
    }

    List<String> unexpected = new ArrayList<>();
    for (String key : zh.keySet()) {
      if (!en.containsKey(key)) {
        unexpected.add(key);
      }
    }
    assertTrue(unexpected.isEmpty(),
        () -> app + " zh.json has keys that the 7.24 en.json does not have (structure differs):\n  "
            + String.join("\n  ", unexpected));

    List<String> wrongType = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : en.entrySet()) {
      if (entry.getValue().getNodeType() != zh.get(entry.getKey()).getNodeType()) {
        wrongType.add(entry.getKey());
      }
    }
    assertTrue(wrongType.isEmpty(),
        () -> app + " zh.json values whose JSON type differs from English:\n  "
            + String.join("\n  ", wrongType));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseValuesAreTranslated(String app) throws IOException {
    Map<String, JsonNode> en = englishLabels(app);
    Map<String, JsonNode> zh = chineseLabels(app);

    List<String> untranslated = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : en.entrySet()) {
      JsonNode english = entry.getValue();
      JsonNode chinese = zh.get(entry.getKey());
      if (chinese == null || !english.isTextual() || !chinese.isTextual()) {
        continue; // coverage and types are reported by the coverage test
      }
      String value = english.asText();
      if (value.equals(chinese.asText())
          && countLatinLetters(value) >= 3
          && !KEEP_AS_ENGLISH.contains(value.trim())) {
        untranslated.add(entry.getKey() + " = \"" + value + "\"");
      }
    }
    assertTrue(untranslated.isEmpty(),
        () -> app + " zh.json still has English values:\n  " + String.join("\n  ", untranslated));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseValuesKeepPlaceholders(String app) throws IOException {
    Map<String, JsonNode> en = englishLabels(app);
    Map<String, JsonNode> zh = chineseLabels(app);

    List<String> broken = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : en.entrySet()) {
      JsonNode chinese = zh.get(entry.getKey());
      if (chinese == null || !entry.getValue().isTextual()) {
        continue;
      }
      List<String> remaining = placeholders(chinese.asText());
      for (String placeholder : placeholders(entry.getValue().asText())) {
        if (!remaining.remove(placeholder)) {
          broken.add(entry.getKey() + " lacks " + placeholder + ": \"" + chinese.asText() + "\"");
        }
      }
    }
    assertTrue(broken.isEmpty(),
        () -> app + " zh.json lost {{...}} placeholders:\n  " + String.join("\n  ", broken));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersChineseWithEnglishFallback(String app) throws IOException {
    String path = APP_ROOT + app + "/scripts/config.js";
    URL sunlight = sunlightResource(path);
    String config = withoutComments(read(sunlight));

    Matcher available = AVAILABLE_LOCALES.matcher(config);
    assertTrue(available.find(), app + " config.js does not set locales.availableLocales");
    List<String> locales = new ArrayList<>();
    for (String locale : available.group(1).split(",")) {
      locales.add(locale.trim().replaceAll("^['\"]|['\"]$", ""));
    }
    assertTrue(locales.contains("zh"), app + " config.js availableLocales lacks 'zh': " + locales);
    assertTrue(locales.contains("en"), app + " config.js availableLocales lacks 'en': " + locales);

    Matcher fallback = FALLBACK_LOCALE.matcher(config);
    assertTrue(fallback.find(), app + " config.js does not set locales.fallbackLocale");
    assertEquals("en", fallback.group(1), app + " config.js fallbackLocale");

    // Spring Boot serves the first match on the classpath: Sunlight's file must shadow the webjar's.
    assertEquals(sunlight, classLoader().getResource(path),
        app + " config.js from the webjar would be served instead of Sunlight's");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configKeepsEverythingTheShippedConfigHas(String app) throws IOException {
    String path = APP_ROOT + app + "/scripts/config.js";
    List<String> shipped = read(webjarResource(path)).lines().toList();
    List<String> sunlight = read(sunlightResource(path)).lines().toList();

    // Every line of the shipped 7.24 config.js must still be there, in order.
    Iterator<String> ours = sunlight.iterator();
    int lineNumber = 0;
    for (String line : shipped) {
      lineNumber++;
      boolean found = false;
      while (ours.hasNext()) {
        if (ours.next().equals(line)) {
          found = true;
          break;
        }
      }
      if (!found) {
        fail(app + " config.js no longer contains line " + lineNumber
            + " of the shipped config.js (re-copy it from the webjar): " + line);
      }
    }
  }

  // --- loading ---------------------------------------------------------------------------------

  private Map<String, JsonNode> englishLabels(String app) throws IOException {
    return flatten(parse(webjarResource(APP_ROOT + app + "/locales/en.json"), true));
  }

  private Map<String, JsonNode> chineseLabels(String app) throws IOException {
    return flatten(parse(sunlightResource(APP_ROOT + app + "/locales/zh.json"), false));
  }

  private JsonNode parse(URL url, boolean allowBom) throws IOException {
    byte[] bytes;
    try (InputStream in = url.openStream()) {
      bytes = in.readAllBytes();
    }
    boolean bom = bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    if (bom && !allowBom) {
      fail(url + " must be UTF-8 without BOM");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (bom) {
      text = text.substring(1);
    }
    return mapper.readTree(text);
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }

  /** The copy inside the Camunda webjar. */
  private static URL webjarResource(String path) throws IOException {
    List<URL> matches = new ArrayList<>();
    for (URL url : Collections.list(classLoader().getResources(path))) {
      if ("jar".equals(url.getProtocol()) && url.toString().contains(WEBJAR_ARTIFACT)) {
        matches.add(url);
      }
    }
    assertEquals(1, matches.size(), "expected exactly one " + path + " in the webjar: " + matches);
    return matches.get(0);
  }

  /** Sunlight's own copy (build output of src/main/resources), i.e. not inside any jar. */
  private static URL sunlightResource(String path) throws IOException {
    List<URL> matches = new ArrayList<>();
    for (URL url : Collections.list(classLoader().getResources(path))) {
      if (!"jar".equals(url.getProtocol()) && !url.toString().contains(WEBJAR_ARTIFACT)) {
        matches.add(url);
      }
    }
    assertEquals(1, matches.size(),
        "expected exactly one Sunlight copy of " + path + " on the classpath: " + matches);
    return matches.get(0);
  }

  private static ClassLoader classLoader() {
    return WebappTranslationTests.class.getClassLoader();
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Dotted keys for objects, {@code [i]} suffixes for array elements. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    flatten("", root, out);
    assertFalse(out.isEmpty(), "no labels found");
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> flatten(
          prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(prefix, node);
    }
  }

  private static int countLatinLetters(String value) {
    Matcher matcher = LATIN_LETTER.matcher(value);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  private static List<String> placeholders(String value) {
    List<String> out = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(value);
    while (matcher.find()) {
      out.add(matcher.group());
    }
    return out;
  }

  private static String withoutComments(String js) {
    return js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
  }
}
