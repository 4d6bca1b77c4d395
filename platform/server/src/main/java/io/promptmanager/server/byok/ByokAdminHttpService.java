package io.promptmanager.server.byok;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.byok.ByokService;
import io.promptmanager.core.byok.ResealReport;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.Responses;

/** {@code /api/v1/admin/byok}: operator tasks on users' saved keys. */
public final class ByokAdminHttpService implements HttpService {
    private final ByokService byok;

    public ByokAdminHttpService(ByokService byok) {
        this.byok = byok;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/reseal", this::reseal);
    }

    private void reseal(ServerRequest request, ServerResponse response) {
        ResealReport report = byok.reseal(Auth.actor(request));
        Responses.ok(response, new ResealReportDto(report.examined(), report.resealed(), report.failed()));
    }

    /** How many saved keys were examined, re-sealed under the newest master key, or could not be opened. */
    public record ResealReportDto(int examined, int resealed, int failed) {
    }
}
