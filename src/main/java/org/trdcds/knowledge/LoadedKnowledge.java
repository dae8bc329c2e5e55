package org.trdcds.knowledge;

/**
 * Everything loaded from one knowledge folder, once, by {@link KnowledgeLoader}.
 *
 * @param knowledge what the decision and the fact extraction read (value sets, tables, parameters, template
 *                  modalities, shared phrases)
 * @param templates the card templates, compiled
 * @param documents the files the pages describe, as JSON
 */
public record LoadedKnowledge(Knowledge knowledge, CardTemplates templates, KnowledgeDocuments documents) {}
