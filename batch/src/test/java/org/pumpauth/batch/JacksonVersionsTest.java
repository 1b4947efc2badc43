package org.pumpauth.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import org.junit.jupiter.api.Test;

/**
 * Spark brings Jackson (and jackson-module-scala, which refuses a databind of another minor version);
 * the project's Jackson BOM holds them all at the project's version, so the engine and Spark share
 * one Jackson. BatchEvaluateTest runs the engine inside Spark's tasks on it.
 */
class JacksonVersionsTest {
    @Test
    void spark_and_the_engine_run_on_the_projects_jackson() {
        String databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
        assertThat(databind).isEqualTo("2.20.1");
        assertThat(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString()).isEqualTo(databind);
        assertThat(DefaultScalaModule$.MODULE$.version().toString()).isEqualTo(databind);
        // jackson-module-scala checks the databind it is given when it is registered, as Spark does.
        new ObjectMapper().registerModule(DefaultScalaModule$.MODULE$);
    }
}
