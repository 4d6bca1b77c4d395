package io.promptmanager.plugins.openaiwire;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * Hands the connection an exchange runs on to its {@link ReadTimeouts}, which bounds the wait for
 * the response head and every later read of the body. HttpClient itself sets one socket timeout per
 * request, fixed before the request is sent.
 */
final class DeadlineRequestExecutor extends HttpRequestExecutor {

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection conn,
                                       HttpResponseInformationCallback informationCallback, HttpContext context)
            throws IOException, HttpException {
        if (context.getAttribute(ReadTimeouts.ATTRIBUTE) instanceof ReadTimeouts timeouts && !timeouts.bind(conn)) {
            throw new SocketTimeoutException("deadline passed before the request was sent");
        }
        return super.execute(request, conn, informationCallback, context);
    }
}
