package io.promptmanager.plugins.openaiwire;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.message.BasicLineFormatter;
import org.apache.hc.core5.http.message.BufferedHeader;
import org.apache.hc.core5.util.CharArrayBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headers {@link UpstreamHttp} sends, formatted into their wire text once rather than on every
 * request: Accept and the plugin's own for each usual accepted type, the JSON Content-Type, and the
 * Authorization of the key last used (the system key, for most runs). The text is what HttpClient
 * would have formatted itself. Thread-safe.
 *
 * <p>The last key is recognised by identity, not by comparing its characters: the system key is
 * one string for the provider's life, and a user's key is never compared with another's.
 */
final class RequestHeaders {
    static final Header JSON_CONTENT_TYPE = formatted("Content-Type", UpstreamHttp.JSON);

    private final Map<String, String> own;
    private final Header[] acceptingJson;
    private final Header[] acceptingEventStream;
    private volatile KeyHeader lastAuthorization;

    private record KeyHeader(String key, Header header) {
    }

    /** @param own the plugin's headers, sent with every request after Accept */
    RequestHeaders(Map<String, String> own) {
        this.own = Map.copyOf(own);
        this.acceptingJson = accepting(UpstreamHttp.JSON);
        this.acceptingEventStream = accepting(UpstreamHttp.EVENT_STREAM);
    }

    /** Sets Accept, the plugin's headers and, unless {@code key} is null, Authorization. */
    void addTo(HttpRequest request, String accept, String key) {
        request.setHeaders(switch (accept) {
            case UpstreamHttp.JSON -> acceptingJson;
            case UpstreamHttp.EVENT_STREAM -> acceptingEventStream;
            default -> accepting(accept);
        });
        if (key != null) {
            request.addHeader(authorization(key));
        }
    }

    private Header authorization(String key) {
        KeyHeader last = lastAuthorization;
        if (last == null || last.key() != key) {
            last = new KeyHeader(key, formatted("Authorization", "Bearer " + key));
            lastAuthorization = last;
        }
        return last.header();
    }

    private Header[] accepting(String accept) {
        List<Header> headers = new ArrayList<>(own.size() + 1);
        headers.add(formatted("Accept", accept));
        own.forEach((name, value) -> headers.add(formatted(name, value)));
        return headers.toArray(Header[]::new);
    }

    private static Header formatted(String name, String value) {
        CharArrayBuffer text = new CharArrayBuffer(name.length() + value.length() + 2);
        BasicLineFormatter.INSTANCE.formatHeader(text, new BasicHeader(name, value));
        return BufferedHeader.create(text);
    }
}
