package org.trdcds.criteria;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.trdcds.knowledge.KnowledgeLoadException;
import org.trdcds.knowledge.SafetyRuleEntry;

/**
 * The rules of fhir-profiles/knowledge/Parameters-safety-rules.json, built once at start-up in the file's order (the
 * card order within one indicator). A data row is a {@link ConditionRule}. A row naming a class is looked up by
 * reflection, by its simple name, in this package only: the class must implement {@link SafetyRule} and have a
 * constructor taking a {@link RuleContext}. Any other name stops the start, the row's topic and the problem named
 * ({@link KnowledgeLoadException}; the knowledge loader has already checked the topics and value sets).
 */
final class SafetyRules {

    static final String PACKAGE = SafetyRules.class.getPackageName();
    static final String FILE = "Parameters-safety-rules.json";

    private SafetyRules() {}

    /** @param shared the knowledge every rule class may read (its topic is set per row) */
    static List<SafetyRule> build(List<SafetyRuleEntry> entries, RuleContext shared) {
        List<SafetyRule> rules = new ArrayList<>(entries.size());
        for (SafetyRuleEntry entry : entries) {
            rules.add(entry.dataRule() ? new ConditionRule(entry) : instance(entry, shared.withTopic(entry.topic())));
        }
        return List.copyOf(rules);
    }

    private static SafetyRule instance(SafetyRuleEntry entry, RuleContext context) {
        String name = PACKAGE + "." + entry.ruleClass();
        Class<?> type;
        try {
            type = Class.forName(name, true, SafetyRules.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw failure(entry, "unknown rule class " + name);
        }
        if (!SafetyRule.class.isAssignableFrom(type)
                || type.isInterface()
                || Modifier.isAbstract(type.getModifiers())) {
            throw failure(entry, name + " does not implement " + SafetyRule.class.getName());
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor(RuleContext.class);
        } catch (NoSuchMethodException e) {
            throw failure(entry, name + " has no constructor taking a " + RuleContext.class.getName());
        }
        try {
            return (SafetyRule) constructor.newInstance(context);
        } catch (InvocationTargetException e) {
            throw new KnowledgeLoadException(message(entry, name + " failed to start"), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new KnowledgeLoadException(message(entry, name + " cannot be built"), e);
        }
    }

    private static KnowledgeLoadException failure(SafetyRuleEntry entry, String problem) {
        return new KnowledgeLoadException(message(entry, problem));
    }

    private static String message(SafetyRuleEntry entry, String problem) {
        return FILE + ", rule of " + entry.topic() + ": " + problem;
    }
}
