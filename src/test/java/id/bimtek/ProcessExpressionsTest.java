package id.bimtek;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.support.LifecycleTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The BPMN calls the gate and the stages' services by name ({@code ${closingService.settle(…)}}, ADR 9): every bean
 * and public method an expression names exists, so a renamed service or method fails here, not in a running process.
 */
@LifecycleTest
class ProcessExpressionsTest {

    private static final Pattern CALL = Pattern.compile("([a-z][A-Za-z]*)\\.([a-z][A-Za-z]*)\\(");
    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{([a-zA-Z]+)}\"");

    @Autowired ApplicationContext context;

    @Test
    void everyBeanAndMethodTheModelsNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                String xml = Files.readString(model);
                Matcher call = CALL.matcher(xml);
                while (call.find()) {
                    String bean = call.group(1);
                    if (bean.equals("execution") || bean.equals("task")) {
                        continue; // the engine's own objects
                    }
                    calls++;
                    if (!context.containsBean(bean) || !hasPublicMethod(context.getBean(bean), call.group(2))) {
                        missing.add(model.getFileName() + ": " + bean + "." + call.group(2));
                    }
                }
                Matcher delegate = DELEGATE.matcher(xml);
                while (delegate.find()) {
                    calls++;
                    if (!context.containsBean(delegate.group(1))) {
                        missing.add(model.getFileName() + ": " + delegate.group(1));
                    }
                }
            }
        }
        assertThat(calls).as("expressions found in bpmn/").isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    private static boolean hasPublicMethod(Object bean, String name) {
        return Arrays.stream(AopUtils.getTargetClass(bean).getMethods()).map(Method::getName).anyMatch(name::equals)
                && Modifier.isPublic(AopUtils.getTargetClass(bean).getModifiers());
    }
}
