package id.bimtek;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BimtekApplication {

    public static void main(String[] args) {
        SpringApplication.run(BimtekApplication.class, args);
    }
}
