package id.bimtek.shared;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.JuelExpression;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Stops expressions from requests inside the engine itself. Camunda 7.24 CE evaluates JUEL found in a
 * query (a task query's {@code orQueries}, say) even with ad-hoc query expressions disabled
 * (CVE-2026-109432), and a filter on request bytes can always be side-stepped by another encoding. Only
 * queries evaluate an expression without a variable scope, so such an evaluation is refused here, whatever
 * surface the query came from, unless it is one of the date and user functions Tasklist's filters use.
 * Expressions of the deployed BPMN always evaluate within an execution or task and are untouched.
 */
@Component
class QueryExpressionGuard extends AbstractProcessEnginePlugin {

    /** What Tasklist filters may hold: {@code ${currentUser()}}, {@code ${now()}}, {@code ${dateTime().plusDays(2)}}. */
    static final Pattern ALLOWED_IN_QUERIES = Pattern.compile(
            "\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
                    + "|dateTime\\(\\)(\\.(plus|minus)(Minutes|Hours|Days|Weeks|Months|Years)\\(\\d{1,4}\\))*)\\s*}");

    private final ApplicationContext applicationContext;

    QueryExpressionGuard(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new GuardedExpressionManager(applicationContext, configuration.getBeans()));
    }

    static boolean allowedWithoutScope(String text) {
        return ALLOWED_IN_QUERIES.matcher(text.trim()).matches();
    }

    static final class GuardedExpressionManager extends SpringExpressionManager {

        GuardedExpressionManager(ApplicationContext applicationContext, java.util.Map<Object, Object> beans) {
            super(applicationContext, beans);
        }

        @Override
        public Expression createExpression(String expression) {
            ensureInitialized();
            return new GuardedExpression(createValueExpression(expression), this, expression);
        }
    }

    static final class GuardedExpression extends JuelExpression {

        GuardedExpression(ValueExpression valueExpression, JuelExpressionManager manager, String text) {
            super(valueExpression, manager, text);
        }

        @Override
        public Object getValue(VariableScope scope, BaseDelegateExecution contextExecution) {
            if (scope == null && !isLiteralText() && !allowedWithoutScope(expressionText)) {
                throw new BadUserRequestException("Expressions are not evaluated in queries");
            }
            return super.getValue(scope, contextExecution);
        }
    }
}
