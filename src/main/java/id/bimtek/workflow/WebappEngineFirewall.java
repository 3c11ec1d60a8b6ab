package id.bimtek.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.bimtek.shared.ReplayedBody;
import id.bimtek.shared.Roles;
import id.bimtek.shared.StaffPage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What an ordinary account may do through the Camunda webapps' own API ({@code /camunda/api/...}), which
 * every logged-in user reaches. Task holders get what Tasklist needs to work a task and nothing more:
 * reading, queries, claiming a task for themselves, comments, and completing it with the fields of its
 * form. Writing variables, reassigning, signals, messages, modifications and deletions are refused; so are
 * Cockpit's API to anyone but auditors and Admin's to anyone but administrators. Completions are judged by
 * {@link TaskAuthority} before the engine sees them (it judges them again inside the engine), so a refusal
 * is a 403 with its reason, in Bahasa Indonesia as every refusal here. Members of {@code camunda-admin} keep the whole API. Paths are decoded strictly
 * here and on /engine-rest: a malformed or smuggled path is a 400, never a stack trace.
 */
@Configuration(proxyBeanMethods = false)
class WebappEngineFirewall {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappEngineFirewallFilter(TaskService tasks, RuntimeService runtime,
            IdentityService identity, TaskAuthority authority, ProcessPrograms processPrograms, DeployedForms forms,
            StaffPage words, ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Firewall(tasks, runtime, identity, authority, processPrograms, forms, words, json));
        registration.addUrlPatterns("/camunda/*", "/engine-rest/*");
        registration.setName("webapp-engine-firewall");
        // after the session store's filter (the webapps' login lives in the session it provides: before it, every
        // request would look anonymous and pass), before the expression guard and the webapps' own filters
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }

    static final class Firewall extends OncePerRequestFilter {

        private static final String API = "/camunda/api/";
        private static final String ENGINE = "engine/engine/default/";
        private static final int MAX_BODY = 256 * 1024;
        private static final List<String> TASK_ROLES = List.of(Roles.STAFF, Roles.DIVISION_HEAD, Roles.DEPARTMENT_HEAD);

        /** Queries sent as POST (their criteria in the body), Tasklist's filters among them. */
        private static final Pattern QUERY = Pattern.compile("(filter/[^/]+/(list|count|singleResult)"
                + "|(history/)?(task|process-instance|activity-instance|variable-instance|incident|job|execution"
                + "|decision-instance|detail|identity-link-log|user-operation|external-task|job-log)(/count)?)");
        private static final Pattern TASK_ACTION = Pattern.compile("task/([^/]+)/(claim|unclaim|complete|submit-form|comment/create)");

        private final TaskService tasks;
        private final RuntimeService runtime;
        private final IdentityService identity;
        private final TaskAuthority authority;
        private final ProcessPrograms processPrograms;
        private final ObjectMapper json;
        private final DeployedForms forms;
        private final StaffPage words;

        Firewall(TaskService tasks, RuntimeService runtime, IdentityService identity, TaskAuthority authority,
                 ProcessPrograms processPrograms, DeployedForms forms, StaffPage words, ObjectMapper json) {
            this.tasks = tasks;
            this.words = words;
            this.forms = forms;
            this.runtime = runtime;
            this.identity = identity;
            this.authority = authority;
            this.processPrograms = processPrograms;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = strictlyDecoded(request.getRequestURI().substring(request.getContextPath().length()));
            if (path == null) {
                refuse(response, 400, "path", "alamat permintaan ini tidak sah atau tidak dalam bentuk biasanya");
                return;
            }
            if (!path.startsWith(API)) {
                chain.doFilter(request, response);
                return;
            }
            String user = webappUser(request);
            if (user == null) {
                chain.doFilter(request, response); // the webapps answer 401 themselves, and log users in
                return;
            }
            Set<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                    .collect(Collectors.toSet());
            if (groups.contains("camunda-admin")) {
                chain.doFilter(request, response);
                return;
            }
            String api = path.substring(API.length());
            if (api.startsWith("admin/auth/")) {
                chain.doFilter(request, response); // logging in and out, and who am I
            } else if (api.startsWith("cockpit/")) {
                pass(groups.contains(Roles.AUDITOR), "Cockpit hanya untuk auditor", request, response, chain);
            } else if (api.startsWith("tasklist/")) {
                pass(TASK_ROLES.stream().anyMatch(groups::contains), "Tasklist hanya untuk staf dan kepala", request, response, chain);
            } else if (api.startsWith(ENGINE)) {
                engine(api.substring(ENGINE.length()), user, groups, request, response, chain);
            } else if (api.equals("engine/engine/") || api.equals("engine/engine")) {
                chain.doFilter(request, response);
            } else {
                refuse(response, 403, "path", "bagian ini hanya untuk administrator");
            }
        }

        private void engine(String resource, String user, Set<String> groups, HttpServletRequest request,
                            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
            String method = request.getMethod();
            if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
                chain.doFilter(request, response);
                return;
            }
            if (!method.equals("POST")) {
                refuse(response, 403, "method", "permintaan " + method + " ke mesin alur kerja hanya untuk administrator");
                return;
            }
            if (QUERY.matcher(resource).matches()) {
                chain.doFilter(request, response);
                return;
            }
            Matcher action = TASK_ACTION.matcher(resource);
            if (!action.matches()) {
                refuse(response, 403, "path", "hanya administrator yang boleh mengubah alur kerja dengan cara ini; "
                        + "tugas hanya diklaim, diberi komentar, dan diselesaikan");
                return;
            }
            Task task = tasks.createTaskQuery().taskId(action.group(1)).initializeFormKeys().singleResult();
            if (task == null) {
                chain.doFilter(request, response); // the engine answers 404
                return;
            }
            byte[] body = readBody(request);
            if (body == null) {
                refuse(response, 413, "body", "isi permintaan terlalu besar");
                return;
            }
            Optional<String[]> refusal = switch (action.group(2)) {
                case "claim" -> claimRefusal(body, user);
                case "unclaim" -> user.equals(task.getAssignee()) ? Optional.empty()
                        : Optional.of(new String[] {"task", "hanya pemegang tugas yang dapat mengembalikannya"});
                case "complete", "submit-form" -> completionRefusal(task, body, user);
                default -> Optional.empty();
            };
            if (refusal.isPresent()) {
                refuse(response, refusal.get()[0].equals("body") ? 400 : 403, refusal.get()[0], refusal.get()[1]);
                return;
            }
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            chain.doFilter(new ReplayedBody(request, body), answer);
            if (request.getAttribute(EngineApiRefusals.REFUSAL) instanceof EngineApiRefusals.Refusal refused) {
                // the engine's rules refused it: the reason as the project words it, not the API's wrapping of it
                answer.resetBuffer();
                refuse(response, refused.status(), refused.field() == null ? "task" : refused.field(), refused.reason());
            } else {
                answer.copyBodyToResponse();
            }
        }

        /** Claiming is for oneself: handing a task to someone else is not a task holder's to do. */
        private Optional<String[]> claimRefusal(byte[] body, String user) {
            JsonNode claim = parse(body);
            if (claim == null) {
                return Optional.of(new String[] {"body", "isi permintaan bukan JSON"});
            }
            return user.equals(claim.path("userId").asText(null)) ? Optional.empty()
                    : Optional.of(new String[] {"userId", "tugas hanya dapat diklaim untuk diri sendiri"});
        }

        /** Only the fields of the task's form, by someone the task's authority accepts. */
        private Optional<String[]> completionRefusal(Task task, byte[] body, String user) {
            JsonNode completion = body.length == 0 ? json.createObjectNode() : parse(body);
            if (completion == null || !completion.isObject()) {
                return Optional.of(new String[] {"body", "isi permintaan bukan objek JSON"});
            }
            Set<String> allowed = fieldsOf(task);
            for (Iterator<String> names = completion.path("variables").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    return Optional.of(new String[] {"variables." + name,
                            "'" + name + "' bukan isian formulir '" + task.getName() + "'"});
                }
            }
            for (Iterator<String> fields = completion.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!field.equals("variables") && !field.equals("withVariablesInReturn")) {
                    return Optional.of(new String[] {field, "penyelesaian tugas hanya membawa isian formulirnya"});
                }
            }
            String code = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                    .getBusinessKey();
            Set<String> candidateGroups = TaskDeadlines.candidateGroups(tasks.getIdentityLinksForTask(task.getId()));
            return authority.refusal(task.getTaskDefinitionKey(), task.getName(), processPrograms.idOfCode(code), user,
                    task.getAssignee(), candidateGroups).map(refusal -> new String[] {"task", words.explain(refusal)});
        }

        /** The keys of the task's deployed form; a task without one takes none. */
        private Set<String> fieldsOf(Task task) {
            return forms.fieldsOf(task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey());
        }

        private JsonNode parse(byte[] body) {
            try {
                return json.readTree(new String(body, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return null;
            }
        }

        /** The body, or null when it is larger than a task's form could ever be. */
        private static byte[] readBody(HttpServletRequest request) throws IOException {
            byte[] read = request.getInputStream().readNBytes(MAX_BODY + 1);
            return read.length > MAX_BODY ? null : read;
        }

        private static String webappUser(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            if (session == null) {
                return null;
            }
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            var authentication = authentications == null ? null : authentications.getAuthenticationForProcessEngine("default");
            return authentication == null ? null : authentication.getName();
        }

        /**
         * The path as the servlet container will map it, or null when it is not in its plain form: malformed
         * percent-encoding, encoded slashes, dots or percent signs, dot segments, empty segments or path
         * parameters could make a rule here and the servlet that answers see different paths.
         */
        static String strictlyDecoded(String raw) {
            if (raw.contains(";") || raw.contains("\\") || raw.contains("//") || raw.contains("/./") || raw.contains("/../")
                    || raw.endsWith("/..") || raw.endsWith("/.")) {
                return null;
            }
            if (raw.indexOf('%') < 0) {
                return raw;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c != '%') {
                    bytes.write(c);
                    continue;
                }
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                int value = high * 16 + low;
                if (value == '/' || value == '\\' || value == '%' || value == '.' || value == ';' || value < 0x20) {
                    return null;
                }
                bytes.write(value);
                i += 2;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                return null;
            }
        }

        private static void pass(boolean allowed, String reason, HttpServletRequest request, HttpServletResponse response,
                                 FilterChain chain) throws IOException, ServletException {
            if (allowed) {
                chain.doFilter(request, response);
            } else {
                refuse(response, 403, "path", reason);
            }
        }

        private static void refuse(HttpServletResponse response, int status, String field, String detail) throws IOException {
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            // "message" too: Tasklist shows an error's message
            Map<String, Object> problem = Map.of("type", "about:blank", "title", HttpStatus.valueOf(status).getReasonPhrase(),
                    "status", status, "detail", detail, "field", field, "message", detail);
            // as bytes: after the engine's answer was held back, its output stream is the one already opened
            byte[] bytes = new ObjectMapper().writeValueAsBytes(problem);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
