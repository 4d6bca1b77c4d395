package io.promptmanager.server.http;

import io.helidon.common.uri.UriQuery;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class QueryCredentialsTest {

    @ParameterizedTest
    @ValueSource(strings = {"api_key=abc", "apikey=abc", "API-KEY=abc", "key=abc", "token=abc", "access_token=abc",
            "x-api-key=abc", "auth_token=abc", "authorization=Bearer%20abc", "q=pmk_abc", "pmk_abc",
            "limit=5&cursor=x&tag=pmk_abc"})
    void refusesWhatLooksLikeACredential(String query) {
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> QueryCredentials.refuse(UriQuery.create(query)));

        assertThat(refused.code()).isEqualTo(ErrorCode.CREDENTIALS_IN_QUERY);
        assertThat(refused.getMessage()).doesNotContain("pmk_abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=20", "cursor=AAAAAGlV5pMAAAAA", "q=monkey", "category=keys", "status=DRAFT",
            "from=1&to=2", "tag=tokenizer", "format=JSON"})
    void acceptsTheApisOwnParameters(String query) {
        assertThatCode(() -> QueryCredentials.refuse(UriQuery.create(query))).doesNotThrowAnyException();
    }
}
