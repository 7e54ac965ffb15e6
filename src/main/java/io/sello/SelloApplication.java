package io.sello;

import io.sello.cli.SelloCli;
import io.sello.rendering.RenderingProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * {@code java -jar sello.jar} starts the server; {@code java -jar sello.jar render|validate …} runs the CLI. Public
 * although no other main package names it: a document type kept outside io.sello starts the service with it (the
 * recipe's test type in docs/architecture.md), and Spring Boot's launcher calls its {@code main}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SelloApplication {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (SelloCli.handles(args)) {
            System.exit(SelloCli.standard(() -> Sello.documentTypes(RenderingProperties.defaults()))
                    .run(args));
        }
        SpringApplication.run(SelloApplication.class, args);
    }
}
