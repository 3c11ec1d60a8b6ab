package id.bimtek.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What every staff page needs: people by their names, and a refusal explained in Bahasa Indonesia (the rule a
 * {@link ProblemException} names is looked up as {@code problem.<RULE>}; one without a known rule keeps its text).
 */
@Component
public class StaffPage {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final Directory directory;
    private final MessageSource messages;

    StaffPage(Directory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    /** "Siti Rahma" for {@code staff}; the id itself for someone the identity service does not know. */
    public String nameOf(String userId) {
        if (userId == null) {
            return "";
        }
        return directory.person(userId).map(Directory.Person::name).orElse(userId);
    }

    /** A message of the pages' bundle in Bahasa Indonesia, or {@code fallback} when there is none. */
    public String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, INDONESIAN);
    }

    /** The members of the groups, by id, with their names, ordered by name. */
    public java.util.Map<String, String> membersOf(java.util.Collection<String> groups) {
        java.util.Map<String, String> members = new java.util.TreeMap<>();
        for (String group : groups) {
            directory.membersOf(group).forEach(person -> members.put(person.id(), person.name()));
        }
        java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
        members.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue())
                .forEach(entry -> byName.put(entry.getKey(), entry.getValue()));
        return byName;
    }

    public String explain(ProblemException problem) {
        String fallback = "Tidak dapat dilakukan: " + problem.getMessage();
        return problem.rule() == null ? fallback
                : messages.getMessage("problem." + problem.rule(), problem.arguments(), fallback, INDONESIAN);
    }
}
