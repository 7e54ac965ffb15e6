package io.sello.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue 14, point 7: the OpenAPI document (/v3/api-docs) says how to authenticate. Two schemes, as
 * SecurityConfiguration accepts them: HTTP Basic (staff users) and an API key in {@code X-Api-Key}
 * (systems). Every operation needs one of the two (the document-wide requirement: either scheme); the
 * operations SecurityConfiguration leaves open to anyone (document types, verification, the staff
 * pages' entry) carry an empty {@code @SecurityRequirements} and so declare none. OperationsTest
 * checks the declaration against what the service does with an anonymous caller. The description also says
 * how to get the messages in Spanish (SpanishAnswers), since that is a header a client must know to send.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    static final String BASIC = "basic";
    static final String API_KEY = "apiKey";

    @Bean
    OpenAPI selloOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Sello")
                        // the API's version, as in /api/v1 (generators refuse a document without one)
                        .version("1")
                        .description("Official PDFs rendered from JSON, stored, signed off and verified."
                                + " Messages in Spanish: send Accept-Language: es (the staff pages do). The title and detail of a problem"
                                + " and the message of each error and warning (in problems and in validate's report) are then Spanish;"
                                + " pointers, codes and figures never change. Without that header, or with English preferred, they are"
                                + " the English texts systems parse, unchanged."))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A staff user's name and password"))
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(ApiKeyFilter.HEADER)
                                        .description("An API key for a system (sello.security.api-keys)")))
                // two requirements: either one suffices (OpenAPI 3: alternatives are separate objects)
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
