package org.trdcds.criteria;

import org.trdcds.cards.TemplateCardRenderer;

/** The modality each contraindication blocks, read from the real cds-cards/ templates (as the service does). */
public final class TestBlocks {

    public static final Blocks FROM_TEMPLATES = new TemplateCardRenderer(new TestKnowledge(), "").blocks();

    private TestBlocks() {}
}
