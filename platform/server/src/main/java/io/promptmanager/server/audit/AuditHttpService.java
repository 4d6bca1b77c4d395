package io.promptmanager.server.audit;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.PageResponse;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

/** {@code /api/v1/audit}: the caller's own audit trail, newest first. */
public final class AuditHttpService implements HttpService {
    private final AuditLog auditLog;

    public AuditHttpService(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list);
    }

    private void list(ServerRequest request, ServerResponse response) {
        var page = auditLog.own(Auth.actor(request), Params.page(request));
        Responses.ok(response, PageResponse.of(page, AuditEntryDto::from));
    }
}
