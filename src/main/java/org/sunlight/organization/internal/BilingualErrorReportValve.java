package org.sunlight.organization.internal;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some requests itself before any filter or controller runs — a URL with an encoded NUL, a request line
 * or header too large, an unparsable request — with its own English HTML page. This valve answers them as every other
 * refusal of Sunlight is answered: the JSON body of {@link org.sunlight.organization.ApiError}, in Chinese and English,
 * with no server details. Public with a public constructor: the Host makes it by reflection.
 */
public class BilingualErrorReportValve extends ErrorReportValve {

    public BilingualErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        String[] text = switch (status) {
            case 400 -> new String[] {"bad-request", "请求无效（如地址含有不允许的字符，或请求行、请求头过长），已拒绝",
                    "The request is malformed (such as a URL with characters that are not allowed, or a request line or "
                            + "header that is too long)"};
            case 404 -> new String[] {"not-found", "请求的地址不存在", "Nothing exists at this address"};
            case 405 -> new String[] {"method-not-allowed", "该地址不支持此请求方法", "This address does not take this method"};
            case 413 -> new String[] {"too-large", "请求内容过大", "The request is too large"};
            case 414 -> new String[] {"uri-too-long", "请求地址过长", "The request URL is too long"};
            case 431 -> new String[] {"headers-too-large", "请求头过大", "The request headers are too large"};
            default -> status >= 500
                    ? new String[] {"server-error", "服务器处理请求时出错，请稍后重试", "The server failed to handle the request; try again later"}
                    : new String[] {"request-refused", "请求被拒绝（HTTP " + status + "）", "The request was refused (HTTP " + status + ")"};
        };
        String zh = text[1];
        String en = text[2];
        String json = "{\"status\":" + status + ",\"code\":\"" + text[0] + "\",\"message\":\"" + zh + " / " + en
                + "\",\"messageZh\":\"" + zh + "\",\"messageEn\":\"" + en + "\",\"details\":{}}";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to tell it
        }
    }
}
