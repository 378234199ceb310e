//! What the ingester builds from articles: the founding sample's acceptance lines, and the same
//! patterns on invented articles with people and plans the lexicon has never seen.

use newsgraph::graph::{KnowledgeGraph, NodeId};
use newsgraph::ingest::{self, article::read_plain};
use newsgraph::lexicon::Lexicon;
use newsgraph::model::{Kind, Relation};
use std::path::Path;

fn build(articles: &[(&str, &str)]) -> KnowledgeGraph {
    let lex = Lexicon::builtin();
    let mut g = KnowledgeGraph::new();
    for (name, text) in articles {
        let a = read_plain(Path::new(name), text, false).expect("readable article");
        ingest::ingest_article(&mut g, &a, &lex);
    }
    g
}

fn node(g: &KnowledgeGraph, name: &str, kind: Kind) -> NodeId {
    let found: Vec<NodeId> = g.lookup(name).iter().copied().filter(|&id| g.node(id).kind == kind).collect();
    assert_eq!(found.len(), 1, "expected one {kind} node for '{name}', found {}: {:?}", found.len(), names(g));
    found[0]
}

fn names(g: &KnowledgeGraph) -> Vec<String> {
    g.node_ids().map(|id| format!("{} [{}]", g.node(id).name, g.node(id).kind)).collect()
}

fn has_edge(g: &KnowledgeGraph, from: NodeId, rel: Relation, to: NodeId) -> bool {
    g.find_edge(from, to, &rel).is_some_and(|e| !g.edge(e).evidence.is_empty())
}

fn check_edges(g: &KnowledgeGraph, expected: &[(&str, Kind, Relation, &str, Kind)]) {
    let mut missing = Vec::new();
    for (a, ka, rel, b, kb) in expected {
        let (x, y) = (node(g, a, *ka), node(g, b, *kb));
        if !has_edge(g, x, rel.clone(), y) {
            missing.push(format!("{a} {rel} {b}"));
        }
    }
    assert!(missing.is_empty(), "missing edges: {missing:#?}");
}

const SEED: &str = include_str!("../data/articles/peace-talks-2025-12.txt");

#[test]
fn founding_article_has_its_gold_entities() {
    let g = build(&[("peace-talks-2025-12.txt", SEED)]);
    for name in ["United States", "Russia", "Ukraine", "Europe", "NATO", "Vladimir Putin", "Steve Witkoff", "Yury Ushakov", "Volodymyr Zelensky"] {
        node(&g, name, Kind::Actor);
    }
    for name in ["Sun Chenghao", "Zhang Hong"] {
        node(&g, name, Kind::Expert);
    }
    node(&g, "Tsinghua University", Kind::Institution);
    node(&g, "Chinese Academy of Social Sciences", Kind::Institution);
    node(&g, "28-point peace plan", Kind::Proposal);
    for name in ["territory", "security guarantees", "NATO membership", "frozen Russian assets"] {
        node(&g, name, Kind::Issue);
    }
    // Metonyms are aliases of their states, not nodes of their own.
    assert_eq!(node(&g, "Moscow", Kind::Actor), node(&g, "Russia", Kind::Actor));
    assert_eq!(node(&g, "Kyiv", Kind::Actor), node(&g, "Ukraine", Kind::Actor));
    assert_eq!(node(&g, "Washington", Kind::Actor), node(&g, "United States", Kind::Actor));
    // No sentence-initial words, headings or "X" as nodes.
    for junk in ["X", "Momentum", "Despite", "Meanwhile", "Directional adjustments", "Strategic stalemate", "Tuesday", "Durable"] {
        assert!(g.lookup(junk).is_empty(), "junk node {junk}");
    }
}

#[test]
fn founding_article_has_its_gold_relations() {
    use Kind::*;
    use Relation::*;
    let g = build(&[("peace-talks-2025-12.txt", SEED)]);
    check_edges(
        &g,
        &[
            ("United States", Actor, Proposed, "28-point peace plan", Proposal),
            ("Ukraine", Actor, Opposes, "28-point peace plan", Proposal),
            ("Europe", Actor, Opposes, "28-point peace plan", Proposal),
            ("Russia", Actor, Received, "28-point peace plan", Proposal),
            ("Vladimir Putin", Actor, NegotiatesWith, "Steve Witkoff", Actor),
            ("Vladimir Putin", Actor, Leads, "Russia", Actor),
            ("Volodymyr Zelensky", Actor, Leads, "Ukraine", Actor),
            ("Steve Witkoff", Actor, Represents, "United States", Actor),
            ("Yury Ushakov", Actor, Represents, "Russia", Actor),
            ("Sun Chenghao", Expert, AffiliatedWith, "Tsinghua University", Institution),
            ("Zhang Hong", Expert, AffiliatedWith, "Chinese Academy of Social Sciences", Institution),
            ("Ukraine", Actor, PositionOn, "NATO membership", Issue),
            ("Ukraine", Actor, PositionOn, "territory", Issue),
            ("Ukraine", Actor, PositionOn, "security guarantees", Issue),
            ("Volodymyr Zelensky", Actor, PositionOn, "frozen assets", Issue),
            ("Volodymyr Zelensky", Actor, PositionOn, "territory", Issue),
            ("Zhang Hong", Expert, CommentedOn, "Ukraine", Actor),
            ("Sun Chenghao", Expert, CommentedOn, "Europe", Actor),
        ],
    );
}

#[test]
fn evidence_is_the_sentence_with_its_span() {
    let g = build(&[("seed", SEED)]);
    let (putin, russia) = (node(&g, "Vladimir Putin", Kind::Actor), node(&g, "Russia", Kind::Actor));
    let e = g.edge(g.find_edge(putin, russia, &Relation::Leads).unwrap());
    let ev = &e.evidence[0];
    assert!(ev.text.starts_with("Momentum stalled this week"), "{}", ev.text);
    let body = read_plain(Path::new("seed"), SEED, false).unwrap().body;
    assert_eq!(&body[ev.start..ev.end], ev.text);
}

const INVENTED: &str = "Talks on the Arcadian border stall\n\n\
Norwegian Foreign Minister Ingrid Solbakken met Brazilian special envoy Tomas Ferreira in Oslo on Monday.\n\
Brasilia had received the 12-point ceasefire plan, Ferreira said.\n\
Kenya and the African Union rejected the plan, arguing it ignored refugees.\n\
Amara Okafor, a senior fellow at the Institute for Regional Stability at Lagos University, said Kenya is signaling flexibility on sanctions.\n\
\"Nobody wants another stalemate,\" Okafor said.\n";

#[test]
fn unseen_people_plans_and_experts_are_found() {
    use Kind::*;
    use Relation::*;
    let g = build(&[("invented-1.txt", INVENTED)]);
    check_edges(
        &g,
        &[
            ("Ingrid Solbakken", Actor, Represents, "Norway", Actor),
            ("Tomas Ferreira", Actor, Represents, "Brazil", Actor),
            ("Ingrid Solbakken", Actor, NegotiatesWith, "Tomas Ferreira", Actor),
            ("Brazil", Actor, Received, "12-point ceasefire plan", Proposal),
            ("Kenya", Actor, Opposes, "12-point ceasefire plan", Proposal),
            ("African Union", Actor, Opposes, "12-point ceasefire plan", Proposal),
            ("Amara Okafor", Expert, AffiliatedWith, "Lagos University", Institution),
            ("Kenya", Actor, PositionOn, "sanctions", Issue),
            ("Amara Okafor", Expert, CommentedOn, "Kenya", Actor),
        ],
    );
    // "Ferreira" and "Okafor" alone are the same people, not new nodes.
    assert_eq!(node(&g, "Ferreira", Actor), node(&g, "Tomas Ferreira", Actor));
    assert_eq!(node(&g, "Okafor", Expert), node(&g, "Amara Okafor", Expert));
}

#[test]
fn a_second_article_merges_into_the_same_nodes_and_edges() {
    let second = "More talks\n\nFerreira held talks with Solbakken again. Norway backed the 12-point plan.\n";
    let one = build(&[("invented-1.txt", INVENTED)]);
    let two = build(&[("invented-1.txt", INVENTED), ("invented-2.txt", second)]);
    let a = node(&two, "Tomas Ferreira", Kind::Actor);
    let b = node(&two, "Ingrid Solbakken", Kind::Actor);
    let e = two.edge(two.find_edge(a, b, &Relation::NegotiatesWith).expect("edge"));
    let articles: Vec<&str> = e.evidence.iter().map(|ev| ev.article.as_str()).collect();
    assert_eq!(articles, ["invented-1", "invented-2"]);
    let plan = node(&two, "12-point ceasefire plan", Kind::Proposal);
    assert!(has_edge(&two, node(&two, "Norway", Kind::Actor), Relation::Supports, plan));
    assert!(two.node_count() <= one.node_count() + 1, "{:?}", names(&two));
}

#[test]
fn reingesting_the_same_article_changes_nothing() {
    let lex = Lexicon::builtin();
    let mut g = KnowledgeGraph::new();
    let a = read_plain(Path::new("seed.txt"), SEED, false).unwrap();
    ingest::ingest_article(&mut g, &a, &lex);
    let (nodes, edges) = (g.node_count(), g.edge_count());
    let again = ingest::ingest_article(&mut g, &a, &lex);
    assert_eq!(again.unchanged, 1);
    assert_eq!((g.node_count(), g.edge_count()), (nodes, edges));
}

#[test]
fn negation_cancels_support() {
    let text = "Talks\n\nRussia did not accept the 20-point peace plan.\n";
    let g = build(&[("neg.txt", text)]);
    let (russia, plan) = (node(&g, "Russia", Kind::Actor), node(&g, "20-point peace plan", Kind::Proposal));
    assert!(!has_edge(&g, russia, Relation::Supports, plan));
}

#[test]
fn passive_voice_names_the_proposer() {
    let text = "Talks\n\nThe 15-point framework, proposed by Turkey, was discussed in Geneva.\n";
    let g = build(&[("passive.txt", text)]);
    let (turkey, plan) = (node(&g, "Turkey", Kind::Actor), node(&g, "15-point framework", Kind::Proposal));
    assert!(has_edge(&g, turkey, Relation::Proposed, plan));
}

#[test]
fn a_quotation_continued_in_the_next_paragraph_stays_attributed() {
    let text = "Analysts weigh the truce\n\n\
Lena Varga, a professor at the University of Szeged, said Hungary would gain little.\n\
\"Serbia has no reason to sign now,\" Varga said.\n\
\"Its leaders expect sanctions to ease within a year.\"\n";
    let g = build(&[("quote.txt", text)]);
    let varga = node(&g, "Lena Varga", Kind::Expert);
    assert!(has_edge(&g, varga, Relation::AffiliatedWith, node(&g, "University of Szeged", Kind::Institution)));
    assert!(has_edge(&g, varga, Relation::CommentedOn, node(&g, "Serbia", Kind::Actor)));
    // The third paragraph has no speaker of its own: it continues Varga's quotation.
    assert!(has_edge(&g, varga, Relation::CommentedOn, node(&g, "sanctions", Kind::Issue)));
}

#[test]
fn coordinated_subjects_each_get_the_relation() {
    let text = "Summit\n\nFrance, Germany and Italy welcomed the 10-point roadmap.\n";
    let g = build(&[("coord.txt", text)]);
    let plan = node(&g, "10-point roadmap", Kind::Proposal);
    for state in ["France", "Germany", "Italy"] {
        assert!(has_edge(&g, node(&g, state, Kind::Actor), Relation::Supports, plan), "{state}");
    }
}

#[test]
fn namesakes_in_different_articles_stay_apart() {
    let one = "Budget talks\n\nGerman Finance Minister Klaus Weber met Austrian officials in Vienna.\n";
    let two = "Trade row\n\nCanadian trade envoy Maria Weber rejected the 5-point framework.\n";
    let three = "Follow-up\n\nWeber said the talks would resume in March.\n";
    let g = build(&[("one.txt", one), ("two.txt", two), ("three.txt", three)]);
    let klaus = node(&g, "Klaus Weber", Kind::Actor);
    let maria = node(&g, "Maria Weber", Kind::Actor);
    assert_ne!(klaus, maria);
    // A bare "Weber" could be either: it joins neither.
    assert!(!g.node(klaus).aliases.contains("Weber") && !g.node(maria).aliases.contains("Weber"));
    assert!(has_edge(&g, klaus, Relation::Represents, node(&g, "Germany", Kind::Actor)));
    assert!(has_edge(&g, maria, Relation::Represents, node(&g, "Canada", Kind::Actor)));
}

#[test]
fn a_title_standing_alone_is_its_holder() {
    let text = "Call\n\nMarek Novak had a telephone conversation with President of Chile Ana Reyes.\n\
The President of Poland stressed that the 6-point roadmap must be signed. Novak also noted that Chile supported it.\n";
    let g = build(&[("title.txt", text)]);
    let (novak, poland) = (node(&g, "Marek Novak", Kind::Actor), node(&g, "Poland", Kind::Actor));
    // The one person named without a title holds the other state's presidency.
    assert!(has_edge(&g, novak, Relation::Leads, poland));
    assert!(has_edge(&g, node(&g, "Ana Reyes", Kind::Actor), Relation::Leads, node(&g, "Chile", Kind::Actor)));
    assert!(!has_edge(&g, node(&g, "Ana Reyes", Kind::Actor), Relation::Leads, poland));
}

#[test]
fn the_two_leaders_are_the_pair_that_talked() {
    let text = "Talks\n\nSpanish Prime Minister Luis Ortega met Moroccan Prime Minister Karim Idrissi in Rabat.\n\
The two leaders welcomed the 8-point peace plan.\n";
    let g = build(&[("pair.txt", text)]);
    let plan = node(&g, "8-point peace plan", Kind::Proposal);
    for person in ["Luis Ortega", "Karim Idrissi"] {
        assert!(has_edge(&g, node(&g, person, Kind::Actor), Relation::Supports, plan), "{person}");
    }
}

#[test]
fn an_apposition_does_not_steal_the_subject() {
    let text = "Warning\n\nNadia Karimova, deputy head of the State Council and sister of the Uzbek leader Timur Karimov, warned Kazakhstan on Monday.\n";
    let g = build(&[("appos.txt", text)]);
    let kz = node(&g, "Kazakhstan", Kind::Actor);
    assert!(has_edge(&g, node(&g, "Nadia Karimova", Kind::Actor), Relation::Opposes, kz));
    assert!(!has_edge(&g, node(&g, "Timur Karimov", Kind::Actor), Relation::Opposes, kz));
}

#[test]
fn an_accusation_of_sabotage_takes_sides() {
    let text = "Readout\n\nPresident of Serbia Milan Jovic stressed that Pristina continued its efforts to sabotage the Brussels Agreement.\n";
    let g = build(&[("accuse.txt", text)]);
    let (jovic, kosovo) = (node(&g, "Milan Jovic", Kind::Actor), node(&g, "Kosovo", Kind::Actor));
    let deal = node(&g, "Brussels Agreement", Kind::Proposal);
    assert!(has_edge(&g, kosovo, Relation::Opposes, deal));
    assert!(has_edge(&g, jovic, Relation::Opposes, kosovo));
    assert!(has_edge(&g, jovic, Relation::Supports, deal));
}

#[test]
fn the_parties_to_a_treaty_support_it() {
    let text = "Anniversary\n\nThe visit marks the anniversary of the 1965 Friendship Treaty (FT) between Japan and South Korea.\n";
    let g = build(&[("treaty.txt", text)]);
    let treaty = g.node_ids().find(|&id| g.node(id).kind == Kind::Proposal).expect("a treaty node");
    for state in ["Japan", "South Korea"] {
        assert!(has_edge(&g, node(&g, state, Kind::Actor), Relation::Supports, treaty), "{state}: {:?}", names(&g));
    }
}

#[test]
fn a_titled_head_of_a_named_body_leads_it() {
    let text = "Call\n\nHe spoke with President of the Andean Council Rosa Quispe.\n";
    let g = build(&[("body.txt", text)]);
    assert!(has_edge(&g, node(&g, "Rosa Quispe", Kind::Actor), Relation::Leads, node(&g, "Andean Council", Kind::Actor)));
}

#[test]
fn a_title_resolves_to_the_leader_an_earlier_article_named() {
    let one = "Visit\n\nChilean President Ana Reyes arrived in Lima on Monday.\n";
    let two = "Trade\n\nThe Chilean President welcomed the 4-point trade plan.\n";
    let g = build(&[("one.txt", one), ("two.txt", two)]);
    let reyes = node(&g, "Ana Reyes", Kind::Actor);
    assert!(has_edge(&g, reyes, Relation::Supports, node(&g, "4-point trade plan", Kind::Proposal)));
    assert!(g.node(reyes).merges.iter().any(|m| m.contains("leads Chile in the graph")), "{:?}", g.node(reyes).merges);
}

#[test]
fn a_titled_treaty_is_one_proposal_that_its_signatories_support() {
    let text = "Signing\n\nMilan Jovic and Head of the KPR Denis Varga signed a Treaty of Friendship, Cooperation and Mutual Assistance between Serbia and Hungary.\n";
    let g = build(&[("treaty.txt", text)]);
    let treaty = node(&g, "Treaty of Friendship, Cooperation and Mutual Assistance", Kind::Proposal);
    for name in ["Milan Jovic", "Denis Varga", "Serbia", "Hungary"] {
        assert!(has_edge(&g, node(&g, name, Kind::Actor), Relation::Supports, treaty), "{name}: {:?}", names(&g));
    }
    assert!(has_edge(&g, node(&g, "Denis Varga", Kind::Actor), Relation::Leads, node(&g, "KPR", Kind::Actor)));
    assert!(g.lookup("Friendship").is_empty() && g.lookup("Treaty").is_empty(), "{:?}", names(&g));
}

#[test]
fn people_follow_portfolios_ranks_and_apposed_titles() {
    let text = "Meeting\n\nAmong those present were Secretary of National Defense Tomas Reyes and Lieutenant General Franco Nemesio Vidal. \
                Chile's climate minister, Ana Quispe, pointed out that this would not be possible. \
                Peru's Minister of Agriculture, Luis Varga, said the ban would stay.\n";
    let g = build(&[("people.txt", text)]);
    for name in ["Tomas Reyes", "Franco Nemesio Vidal"] {
        node(&g, name, Kind::Actor);
    }
    check_edges(
        &g,
        &[
            ("Ana Quispe", Kind::Actor, Relation::Represents, "Chile", Kind::Actor),
            ("Luis Varga", Kind::Actor, Relation::Represents, "Peru", Kind::Actor),
        ],
    );
    assert!(g.lookup("National Defense Tomas Reyes").is_empty(), "{:?}", names(&g));
}

#[test]
fn an_acronym_in_brackets_is_the_body_it_abbreviates() {
    let text = "Sanctions\n\nThe Economic Community of Andean States (ECAS) released a statement. ECAS will maintain sanctions against Peru.\n";
    let g = build(&[("acronym.txt", text)]);
    let body = node(&g, "Economic Community of Andean States", Kind::Actor);
    assert!(g.node(body).aliases.contains("ECAS"));
    assert!(has_edge(&g, body, Relation::Opposes, node(&g, "Peru", Kind::Actor)), "{:?}", names(&g));
}

#[test]
fn it_after_said_is_the_speaker_when_an_object_follows() {
    let text = "Plan\n\nThe 5-point peace plan was published on Monday. Chile said it backs the 5-point peace plan. \
                Peru argued it ceded too much to Chile.\n";
    let g = build(&[("it.txt", text)]);
    let plan = node(&g, "5-point peace plan", Kind::Proposal);
    assert!(has_edge(&g, node(&g, "Chile", Kind::Actor), Relation::Supports, plan));
    assert!(has_edge(&g, node(&g, "Peru", Kind::Actor), Relation::Opposes, plan));
}

#[test]
fn a_proposing_verb_names_what_it_puts_forward() {
    let text = "Summit\n\nMilan Jovic proposed to convene a summit of permanent members of the UN Security Council in the coming weeks. \
                The proposed pipeline was debated.\n";
    let g = build(&[("propose.txt", text)]);
    let summit = node(&g, "summit of permanent members of the UN Security Council", Kind::Proposal);
    assert!(has_edge(&g, node(&g, "Milan Jovic", Kind::Actor), Relation::Proposed, summit));
    // A participle before a noun describes it and proposes nothing.
    assert!(g.lookup("pipeline").is_empty(), "{:?}", names(&g));
}

#[test]
fn a_bloc_naming_its_members_is_not_the_counterpart() {
    let text = "Deal\n\nOn Friday, the European Commission (EC) reached a deal with European Union (EU) member states Bulgaria, Hungary and Slovakia on imports.\n";
    let g = build(&[("members.txt", text)]);
    let ec = node(&g, "European Commission", Kind::Actor);
    for state in ["Bulgaria", "Hungary", "Slovakia"] {
        assert!(has_edge(&g, ec, Relation::NegotiatesWith, node(&g, state, Kind::Actor)), "{state}");
    }
    let eu = g.lookup("European Union")[0];
    assert!(!has_edge(&g, ec, Relation::NegotiatesWith, eu) && !has_edge(&g, eu, Relation::NegotiatesWith, ec));
}

#[test]
fn a_president_named_without_a_state_leads_the_one_the_graph_knows() {
    let one = "Visit\n\nPresident of Chile Ana Reyes arrived in Lima on Monday.\n";
    let two = "Trade\n\nPresident Ana Reyes said Chile backs the 4-point trade plan.\n";
    let three = "Other\n\nPresident Ana Reyes said Peru backs the 5-point trade plan.\n";
    let g = build(&[("one.txt", one), ("two.txt", two), ("three.txt", three)]);
    let reyes = node(&g, "Ana Reyes", Kind::Actor);
    let leads = g.find_edge(reyes, node(&g, "Chile", Kind::Actor), &Relation::Leads).expect("leads Chile");
    let articles: Vec<&str> = g.edge(leads).evidence.iter().map(|e| e.article.as_str()).collect();
    assert!(articles.contains(&"two") || articles.iter().any(|a| a.starts_with("two")), "{articles:?}");
    // An article that never names Chile gives no such evidence.
    assert!(!articles.iter().any(|a| a.starts_with("three")), "{articles:?}");
    assert!(!has_edge(&g, reyes, Relation::Leads, node(&g, "Peru", Kind::Actor)));
}

#[test]
fn a_title_after_a_known_body_is_a_post_in_it() {
    let text = "Deal\n\nThe Andean Trade Commission (ATC) reached a deal. ATC President Ana Reyes said the deal works. Justice Minister Luis Varga agreed.\n";
    let g = build(&[("body.txt", text)]);
    let atc = node(&g, "Andean Trade Commission", Kind::Actor);
    assert!(has_edge(&g, node(&g, "Ana Reyes", Kind::Actor), Relation::Leads, atc), "{:?}", names(&g));
    assert!(g.lookup("Justice").is_empty() || !has_edge(&g, node(&g, "Luis Varga", Kind::Actor), Relation::Represents, g.lookup("Justice")[0]));
}

#[test]
fn common_nouns_and_portfolios_are_no_organisations() {
    let text = "Meeting\n\nThe meeting was attended by Minister of Science and Higher Education Valery Falkov and Minister of Construction, Housing and Utilities Irek Faizullin. \
                Vladimir Putin signed the Executive Order in order to act. The Board met. Gazprom said it would pay.\n";
    let g = build(&[("common.txt", text)]);
    for name in ["Valery Falkov", "Irek Faizullin", "Gazprom"] {
        node(&g, name, Kind::Actor);
    }
    for junk in ["Science", "Housing", "Construction", "Order", "Board"] {
        assert!(g.lookup(junk).iter().all(|&id| g.node(id).name != junk), "{junk}: {:?}", names(&g));
    }
}

#[test]
fn an_issue_keeps_the_phrase_that_completes_it_as_an_alias() {
    let text = "Talks\n\nPeru refused to launch direct dialogue with Cusco and Arequipa and formalising anything. \
                Chile imposed a ban on imports from Peru for the war.\n";
    let g = build(&[("alias.txt", text)]);
    let dialogue = node(&g, "direct dialogue", Kind::Issue);
    assert!(g.node(dialogue).aliases.contains("direct dialogue with Cusco and Arequipa"), "{:?}", g.node(dialogue).aliases);
    let bans = node(&g, "import bans", Kind::Issue);
    assert!(g.node(bans).aliases.contains("ban on imports from Peru"), "{:?}", g.node(bans).aliases);
    assert_eq!(g.lookup("direct dialogue with Cusco and Arequipa"), vec![dialogue]);
}

#[test]
fn the_bloc_and_the_alliance_refer_back() {
    let text = "Deal\n\nThe European Union lifted its duties. Ana Reyes, the bloc's top trade official, announced the deal. \
                NATO met on Monday. The alliance rejected the 5-point peace plan.\n";
    let g = build(&[("bloc.txt", text)]);
    let eu = g.lookup("European Union")[0];
    assert!(has_edge(&g, node(&g, "Ana Reyes", Kind::Actor), Relation::Represents, eu), "{:?}", names(&g));
    assert!(has_edge(&g, node(&g, "NATO", Kind::Actor), Relation::Opposes, node(&g, "5-point peace plan", Kind::Proposal)));
}

#[test]
fn the_pact_refers_back_and_concerns_what_it_plans_to_reduce() {
    let text = "Pact\n\nThe summit ended with the signing of the Lima Climate Pact. The pact is the first ever deal struck to explicitly plan to reduce coal usage.\n";
    let g = build(&[("pact.txt", text)]);
    let pact = node(&g, "Lima Climate Pact", Kind::Proposal);
    assert!(has_edge(&g, pact, Relation::Concerns, node(&g, "coal", Kind::Issue)), "{:?}", names(&g));
}

#[test]
fn a_joint_statement_speaks_for_its_signatories() {
    let text = "Joint Statement\n\nChile, Peru, Bolivia and Ecuador consider the reduction of strategic risks their foremost responsibility. \
                We remain committed to the 1995 Andean Security Treaty.\n";
    let g = build(&[("joint.txt", text)]);
    let treaty = g.node_ids().find(|&id| g.node(id).kind == Kind::Proposal).expect("a treaty");
    for state in ["Chile", "Peru", "Bolivia", "Ecuador"] {
        assert!(has_edge(&g, node(&g, state, Kind::Actor), Relation::Supports, treaty), "{state}: {:?}", names(&g));
    }
    // The signatories do not negotiate among themselves for saying "we".
    assert!(!has_edge(&g, node(&g, "Chile", Kind::Actor), Relation::NegotiatesWith, node(&g, "Peru", Kind::Actor)));
}

#[test]
fn they_after_two_leaders_talked_is_that_pair() {
    let text = "Call\n\nChilean President Ana Reyes had a telephone conversation with Peruvian President Luis Varga. \
                They confirmed the importance of consistently implementing the trilateral agreements between Chile, Peru and Bolivia.\n";
    let g = build(&[("they.txt", text)]);
    let deal = node(&g, "trilateral agreements", Kind::Proposal);
    for person in ["Ana Reyes", "Luis Varga"] {
        assert!(has_edge(&g, node(&g, person, Kind::Actor), Relation::Supports, deal), "{person}: {:?}", names(&g));
    }
    // Implementing applies to the agreements, not to the states named with them.
    assert!(!has_edge(&g, node(&g, "Ana Reyes", Kind::Actor), Relation::Supports, node(&g, "Bolivia", Kind::Actor)));
    assert!(g.node(deal).aliases.contains("trilateral agreements between Chile, Peru and Bolivia"), "{:?}", g.node(deal).aliases);
}

#[test]
fn an_expert_on_the_message_comments_on_its_author() {
    let text = "Warning\n\nNorth Korean official Kim Sun Hee warned the South on Monday. \
                Lee Min-jun, a professor at Seoul National University, said the message is nothing new.\n";
    let g = build(&[("message.txt", text)]);
    let expert = node(&g, "Lee Min-jun", Kind::Expert);
    assert!(has_edge(&g, expert, Relation::CommentedOn, node(&g, "Kim Sun Hee", Kind::Actor)), "{:?}", names(&g));
}

#[test]
fn a_former_or_opposition_title_is_no_tie_to_its_party() {
    let text = "Court\n\nFormer Chilean President Ana Reyes pleaded not guilty. Peruvian opposition leader Luis Varga was arrested. \
                Bolivian President Rosa Quispe said nothing.\n";
    let g = build(&[("former.txt", text)]);
    assert!(!has_edge(&g, node(&g, "Ana Reyes", Kind::Actor), Relation::Leads, node(&g, "Chile", Kind::Actor)));
    assert!(!has_edge(&g, node(&g, "Luis Varga", Kind::Actor), Relation::Leads, node(&g, "Peru", Kind::Actor)));
    assert!(has_edge(&g, node(&g, "Rosa Quispe", Kind::Actor), Relation::Leads, node(&g, "Bolivia", Kind::Actor)));
}

#[test]
fn one_given_name_in_two_languages_is_one_person_across_articles() {
    let one = "Call\n\nVladimir Hnatenko had a telephone conversation with Milan Jovic.\n";
    let two = "Visit\n\nVolodymyr Hnatenko met Milan Jovic in Belgrade.\n";
    let three = "Visit\n\nVolodymyr Hnatenkoo spoke in Belgrade.\n";
    let g = build(&[("one.txt", one), ("two.txt", two), ("three.txt", three)]);
    let people: Vec<&str> = g.node_ids().map(|id| g.node(id).name.as_str()).filter(|n| n.contains("Hnatenk")).collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(g.lookup("Volodymyr Hnatenko").len(), 1);
}

#[test]
fn preventing_an_issue_opposes_it_but_not_its_parties() {
    let text = "Statement\n\nChile and Peru pledged to prevent an arms race in the region. \
                Bolivia urged talks to prevent the use of nuclear weapons. \
                Ecuador called for measures to prevent shelling of Colombia's cities.\n";
    let g = build(&[("prevent.txt", text)]);
    let race = node(&g, "arms race", Kind::Issue);
    for state in ["Chile", "Peru"] {
        assert!(has_edge(&g, node(&g, state, Kind::Actor), Relation::Opposes, race), "{state}: {:?}", names(&g));
    }
    // The use is opposed, not the weapons; a party is never the object of "prevent".
    let weapons = node(&g, "nuclear weapons", Kind::Issue);
    assert!(!has_edge(&g, node(&g, "Bolivia", Kind::Actor), Relation::Opposes, weapons));
    assert!(!has_edge(&g, node(&g, "Ecuador", Kind::Actor), Relation::Opposes, node(&g, "Colombia", Kind::Actor)));
}

#[test]
fn a_hyphenated_pair_before_talks_negotiates() {
    let text = "Talks\n\nThe Chilean-Peruvian talks ended on Monday. The Bolivia-Ecuador summit is planned. The Chilean-made trucks arrived in Bolivia. \
                Officials met for the 14th Uruguay-Paraguay Annual Summit.\n";
    let g = build(&[("pair.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    assert!(has_edge(&g, actor("Chile"), Relation::NegotiatesWith, actor("Peru")) || has_edge(&g, actor("Peru"), Relation::NegotiatesWith, actor("Chile")), "{:?}", names(&g));
    assert!(has_edge(&g, actor("Bolivia"), Relation::NegotiatesWith, actor("Ecuador")) || has_edge(&g, actor("Ecuador"), Relation::NegotiatesWith, actor("Bolivia")));
    assert!(!has_edge(&g, actor("Chile"), Relation::NegotiatesWith, actor("Bolivia")) && !has_edge(&g, actor("Bolivia"), Relation::NegotiatesWith, actor("Chile")));
    assert!(has_edge(&g, actor("Uruguay"), Relation::NegotiatesWith, actor("Paraguay")) || has_edge(&g, actor("Paraguay"), Relation::NegotiatesWith, actor("Uruguay")));
}

#[test]
fn no_alternative_to_an_agreement_supports_it() {
    let text = "Call\n\nChilean President Ana Reyes stressed the lack of alternative to the 2015 Lima Accords.\n";
    let g = build(&[("alt.txt", text)]);
    let accords = g.node_ids().find(|&id| g.node(id).kind == Kind::Proposal).expect("the accords");
    assert!(has_edge(&g, node(&g, "Ana Reyes", Kind::Actor), Relation::Supports, accords), "{:?}", names(&g));
}

#[test]
fn planned_talks_and_agentless_agreements_are_no_relations() {
    let text = "Call\n\nOn the eve of the planned talks between Chilean President Ana Reyes and Peruvian President Luis Varga, \
                Bolivia and Ecuador coordinated their positions. It was agreed to hold a call of Ana Reyes and Rosa Quispe.\n";
    let g = build(&[("planned.txt", text)]);
    let (reyes, varga) = (node(&g, "Ana Reyes", Kind::Actor), node(&g, "Luis Varga", Kind::Actor));
    assert!(!has_edge(&g, reyes, Relation::NegotiatesWith, varga) && !has_edge(&g, varga, Relation::NegotiatesWith, reyes));
    // "It was agreed" has no subject: Ecuador, the last party named, agreed to nothing.
    let ecuador = node(&g, "Ecuador", Kind::Actor);
    assert!(!has_edge(&g, ecuador, Relation::Supports, reyes), "{:?}", names(&g));
}

#[test]
fn a_speaker_leads_a_parliament_and_represents_a_state() {
    let text = "Visit\n\nChilean House Speaker Ana Reyes arrived. Rosa Quispe, Speaker of the National Congress of Peru, met her.\n";
    let g = build(&[("speaker.txt", text)]);
    let reyes = node(&g, "Ana Reyes", Kind::Actor);
    let chile = node(&g, "Chile", Kind::Actor);
    assert!(has_edge(&g, reyes, Relation::Represents, chile) && !has_edge(&g, reyes, Relation::Leads, chile), "{:?}", names(&g));
}

#[test]
fn a_party_before_a_verb_is_not_the_title_holders() {
    let text = "Region\n\nBoth countries have troops there, Chile supporting President Luis Varga's government.\n";
    let g = build(&[("verb.txt", text)]);
    assert!(!has_edge(&g, node(&g, "Luis Varga", Kind::Actor), Relation::Leads, node(&g, "Chile", Kind::Actor)), "{:?}", names(&g));
}

#[test]
fn a_refusal_to_implement_an_agreement_opposes_it_and_its_accuser_stands_by_it() {
    let text = "Call\n\nMilan Jovic had a telephone conversation with Prime Minister of Peru Luis Varga. \
                Milan Jovic emphasised that Lima continued to stubbornly refuse to fulfil the 2015 Andean Accords. \
                Rosa Quispe has been a vocal critic of the accords.\n";
    let g = build(&[("refuse.txt", text)]);
    let accords = g.node_ids().find(|&id| g.node(id).kind == Kind::Proposal).expect("the accords");
    let (jovic, peru) = (node(&g, "Milan Jovic", Kind::Actor), node(&g, "Peru", Kind::Actor));
    assert!(has_edge(&g, peru, Relation::Opposes, accords), "{:?}", names(&g));
    assert!(has_edge(&g, jovic, Relation::Opposes, peru) && has_edge(&g, jovic, Relation::Supports, accords));
    assert!(!has_edge(&g, peru, Relation::Supports, accords));
    assert!(has_edge(&g, node(&g, "Rosa Quispe", Kind::Actor), Relation::Opposes, accords));
}

#[test]
fn the_states_an_agreement_is_named_after_support_it() {
    let text = "Anniversary\n\nThe leaders marked the 30th anniversary of signing the Chilean-Peruvian Treaty on Friendship.\n";
    let g = build(&[("treaty.txt", text)]);
    let treaty = g.node_ids().find(|&id| g.node(id).kind == Kind::Proposal).expect("the treaty");
    for state in ["Chile", "Peru"] {
        assert!(has_edge(&g, node(&g, state, Kind::Actor), Relation::Supports, treaty), "{state}: {:?}", names(&g));
    }
}

#[test]
fn a_readout_protagonist_holds_the_title_though_more_people_are_named_later() {
    let text = "Call\n\nMilan Jovic had a telephone conversation with Prime Minister of Peru Luis Varga. \
                The Serbian President emphasised that Bolivia was violating its commitments. \
                Milan Jovic also recalled his talks with Ana Reyes and Rosa Quispe.\n";
    let g = build(&[("cast.txt", text)]);
    assert!(has_edge(&g, node(&g, "Milan Jovic", Kind::Actor), Relation::Leads, node(&g, "Serbia", Kind::Actor)), "{:?}", names(&g));
    // Who accuses a state of violating its commitments stands against it.
    assert!(has_edge(&g, node(&g, "Milan Jovic", Kind::Actor), Relation::Opposes, node(&g, "Bolivia", Kind::Actor)));
}

#[test]
fn a_relative_clause_between_subject_and_verb_is_passed_over() {
    let text = "Plan\n\nThe European Union, of which Portugal is a member, had proposed a new 5-point peace plan.\n";
    let g = build(&[("relative.txt", text)]);
    let plan = g.node_ids().find(|&id| g.node(id).kind == Kind::Proposal).expect("the plan");
    assert!(has_edge(&g, node(&g, "European Union", Kind::Actor), Relation::Proposed, plan), "{:?}", names(&g));
    assert!(!has_edge(&g, node(&g, "Portugal", Kind::Actor), Relation::Proposed, plan));
}

#[test]
fn a_place_a_topic_or_a_counterparts_nationality_is_no_party_to_a_stance() {
    let text = "Visit\n\nDuring a meeting in Lima, Chilean President Ana Reyes and Bolivian President Rosa Quispe discussed trade. \
                The heads of state also discussed ways to provide political support to Ecuador. \
                Ana Reyes held talks with her Peruvian counterpart Luis Varga.\n";
    let g = build(&[("place.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    assert!(!has_edge(&g, actor("Peru"), Relation::NegotiatesWith, actor("Ana Reyes")) && !has_edge(&g, actor("Ana Reyes"), Relation::NegotiatesWith, actor("Peru")), "{:?}", names(&g));
    assert!(has_edge(&g, actor("Ana Reyes"), Relation::NegotiatesWith, actor("Luis Varga")));
    // Her counterpart holds her post for his own state.
    assert!(has_edge(&g, actor("Luis Varga"), Relation::Leads, actor("Peru")));
    assert!(!has_edge(&g, actor("Ana Reyes"), Relation::Supports, actor("Ecuador")) && !has_edge(&g, actor("Rosa Quispe"), Relation::Supports, actor("Ecuador")));
}

#[test]
fn thanks_for_support_name_the_supporter_and_what_it_supports() {
    let text = "Call\n\nPresident of Chile Ana Reyes thanked Luis Varga for his consistent support for the sovereignty of our state. \
                Ana Reyes praised Bolivia's support for Chile's territorial integrity.\n";
    let g = build(&[("thanks.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    assert!(has_edge(&g, actor("Luis Varga"), Relation::Supports, node(&g, "sovereignty", Kind::Issue)), "{:?}", names(&g));
    assert!(has_edge(&g, actor("Luis Varga"), Relation::Supports, actor("Chile")));
    assert!(has_edge(&g, actor("Bolivia"), Relation::Supports, actor("Chile")));
    assert!(has_edge(&g, actor("Bolivia"), Relation::Supports, node(&g, "territory", Kind::Issue)));
    // The one who thanks is not the supporter.
    assert!(!has_edge(&g, actor("Ana Reyes"), Relation::Supports, actor("Chile")));
}

#[test]
fn help_given_to_a_party_is_support_for_it_and_sanctions_oppose_their_target() {
    let text = "Aid\n\nBoth Kenya and Ghana agreed to facilitate humanitarian aid to Sudan. \
                Canada will provide military assistance to Estonia. \
                Norway is ready to provide assistance to the tribunal's investigation team. \
                Chile slapped new sanctions on Peru over the border dispute. \
                Brazil levied sanctions against Bolivia.\n";
    let g = build(&[("aid.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    for giver in ["Kenya", "Ghana"] {
        assert!(has_edge(&g, actor(giver), Relation::Supports, actor("Sudan")), "{giver}: {:?}", names(&g));
        // The receiver, not the aid, is what the giver stands for.
        assert!(!has_edge(&g, actor(giver), Relation::Supports, node(&g, "humanitarian aid", Kind::Issue)));
    }
    assert!(has_edge(&g, actor("Canada"), Relation::Supports, actor("Estonia")));
    assert!(has_edge(&g, actor("Chile"), Relation::Opposes, actor("Peru")));
    assert!(has_edge(&g, actor("Brazil"), Relation::Opposes, actor("Bolivia")));
    assert!(!has_edge(&g, actor("Brazil"), Relation::Supports, actor("Bolivia")));
}

#[test]
fn a_portfolio_is_never_part_of_a_persons_name() {
    let text = "Visit\n\nThe minister met Secretary of State for European Affairs Tomas Varga in Lima. \
                Present were the Chief of the General Staff, the Minister of Internal Affairs, and the Head of the Border Service. \
                Chile imposed sanctions on the chair of the Senate Committee on Foreign Affairs Ana Reyes.\n";
    let g = build(&[("portfolio.txt", text)]);
    node(&g, "Tomas Varga", Kind::Actor);
    node(&g, "Ana Reyes", Kind::Actor);
    let all = names(&g);
    assert!(!all.iter().any(|n| n.contains("Affairs") && n.ends_with("[actor]") && !n.contains("Committee")), "{all:?}");
    // The adjective names the portfolio, not a party the secretary serves.
    assert!(g.lookup("Europe").is_empty(), "{all:?}");
    // The committee only names her post: the sanctions target her.
    assert!(has_edge(&g, node(&g, "Chile", Kind::Actor), Relation::Opposes, node(&g, "Ana Reyes", Kind::Actor)), "{all:?}");
}

#[test]
fn surnames_one_consonant_apart_are_different_people_but_transliterations_are_one() {
    let g = build(&[
        ("a.txt", "Visit\n\nSenator Michael Dorrow met President Ana Reyes in Lima.\n"),
        ("b.txt", "Talks\n\nAmbassador Michael Dorrof spoke with Luis Varga about trade.\n"),
        ("c.txt", "Call\n\nMinister Oleksandr Kovachenko called Luis Varga.\n"),
        ("d.txt", "Call\n\nMinister Oleksandr Kovačenko spoke with Ana Reyes.\n"),
    ]);
    node(&g, "Michael Dorrow", Kind::Actor);
    node(&g, "Michael Dorrof", Kind::Actor);
    let one = node(&g, "Oleksandr Kovachenko", Kind::Actor);
    assert_eq!(g.lookup("Oleksandr Kovačenko"), vec![one], "{:?}", names(&g));
}

#[test]
fn a_sentence_opening_he_continues_the_last_subject_and_the_leader_is_who_leads() {
    let text = "Call\n\nPresident of Chile Ana Reyes had a phone conversation with President of Peru Luis Varga. \
                She thanked the Peruvian leader for his firm support for Chile, the sovereignty and territorial integrity of our state.\n";
    let g = build(&[("call.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    // "the Peruvian leader" is the president of Peru, and he, not Peru, gave the support.
    assert!(has_edge(&g, actor("Luis Varga"), Relation::Supports, actor("Chile")), "{:?}", names(&g));
    assert!(has_edge(&g, actor("Luis Varga"), Relation::Supports, node(&g, "sovereignty", Kind::Issue)));
    // "She" is the one who called, not the last person named.
    assert!(!has_edge(&g, actor("Luis Varga"), Relation::Supports, actor("Peru")));
}

#[test]
fn a_joint_agreement_has_no_proposer_and_its_short_form_is_the_same_agreement() {
    let text = "Border\n\nOn May 2, Chile and Peru signed a maritime border agreement. \
                The Bolivian president called the Chilean-Peruvian maritime border agreement illegal. \
                Bolivia rejected the border agreement again on Friday.\n";
    let g = build(&[("border.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    let deal = node(&g, "maritime border agreement", Kind::Proposal);
    assert!(g.lookup("border agreement").contains(&deal), "{:?}", names(&g));
    assert!(has_edge(&g, actor("Chile"), Relation::Supports, deal) && has_edge(&g, actor("Peru"), Relation::Supports, deal));
    assert!(has_edge(&g, actor("Bolivia"), Relation::Opposes, deal));
    // "Chilean-Peruvian" names both signatories, not a proposer.
    assert!(!has_edge(&g, actor("Chile"), Relation::Proposed, deal), "{:?}", names(&g));
}

#[test]
fn a_partys_proposals_refer_back_only_to_a_proposal_just_named() {
    let text = "Talks\n\nChile and Peru signed the Lima Accord in 2019. Trade grew. Exports rose. Ports expanded. \
                Bolivia said that Peru's proposals deserve attention. \
                Ecuador urged Chile to accept the Peruvian proposal for a truce.\n";
    let g = build(&[("anaphora.txt", text)]);
    let accord = node(&g, "Lima Accord", Kind::Proposal);
    assert!(!has_edge(&g, node(&g, "Peru", Kind::Actor), Relation::Proposed, accord), "{:?}", names(&g));
    // The party before an unnamed proposal only says whose it is: Chile is not asked to support Peru.
    assert!(!has_edge(&g, node(&g, "Chile", Kind::Actor), Relation::Supports, node(&g, "Peru", Kind::Actor)));
}

#[test]
fn two_titled_people_who_met_or_had_a_meeting_negotiate() {
    let text = "Talks\n\nChilean Foreign Minister Ana Reyes and Commission vice president Luis Varga met via video conference on Thursday. \
                Rosa Quispe and Prime Minister of Peru Tomas Ortega had a brief meeting after their news conference. \
                Present were Deputy Minister of Trade Marco Silva and General Director Pablo Ruiz. * * * Beginning of the meeting with the Trade Ministry.\n";
    let g = build(&[("met.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    let talks = |a: &str, b: &str| has_edge(&g, actor(a), Relation::NegotiatesWith, actor(b)) || has_edge(&g, actor(b), Relation::NegotiatesWith, actor(a));
    assert!(talks("Ana Reyes", "Luis Varga"), "{:?}", names(&g));
    assert!(talks("Rosa Quispe", "Tomas Ortega"));
    // "* * *" ends the list of those present: they are not the ones who met the ministry.
    let people_met_ministry = g.node_ids().any(|id| g.node(id).name.contains("Ministry") && (talks("Marco Silva", &g.node(id).name) || talks("Pablo Ruiz", &g.node(id).name)));
    assert!(!people_met_ministry, "{:?}", names(&g));
}

#[test]
fn a_states_ministry_acts_for_the_state() {
    let text = "Sanctions\n\nThe Ministry of Foreign Affairs of Chile on Friday sanctioned Peru. \
                Bolivian Foreign Ministry spokesman Marco Silva criticised the decision.\n";
    let g = build(&[("ministry.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    assert!(has_edge(&g, actor("Chile"), Relation::Opposes, actor("Peru")), "{:?}", names(&g));
    assert!(g.lookup("Ministry of Foreign Affairs of Chile").contains(&actor("Chile")));
    assert!(has_edge(&g, actor("Marco Silva"), Relation::Represents, actor("Bolivia")));
    assert!(!has_edge(&g, actor("Marco Silva"), Relation::Leads, actor("Bolivia")));
}

#[test]
fn a_party_condemned_in_a_statement_by_others_is_opposed_by_them() {
    let text = "Drilling\n\nBecause of its drilling operations there, Chile is already under EU sanctions, and was condemned in a joint statement by Peru, Bolivia and Ecuador on October 8.\n";
    let g = build(&[("condemned.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    for critic in ["Peru", "Bolivia", "Ecuador"] {
        assert!(has_edge(&g, actor(critic), Relation::Opposes, actor("Chile")), "{critic}: {:?}", names(&g));
        // "under EU sanctions" names no one they condemned.
        assert!(!has_edge(&g, actor(critic), Relation::Opposes, actor("Europe")));
    }
}

#[test]
fn a_nationality_adjective_before_a_common_noun_is_no_party_to_talks_or_stances() {
    let text = "Visit\n\nBolivia's president Ana Reyes met with Chilean journalists in La Paz. \
                Ecuador backed Peruvian exporters and expressed support for the Colombian people.\n";
    let g = build(&[("adjectives.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    assert!(!has_edge(&g, actor("Ana Reyes"), Relation::NegotiatesWith, actor("Chile")), "{:?}", names(&g));
    assert!(!has_edge(&g, actor("Ecuador"), Relation::Supports, actor("Peru")));
    assert!(has_edge(&g, actor("Ecuador"), Relation::Supports, actor("Colombia")));
}

#[test]
fn a_leader_does_not_support_the_state_they_lead() {
    let text = "Call\n\nPresident of Chile Ana Reyes spoke with Luis Varga. \
                Ana Reyes called for support for the sovereignty and territorial integrity of Chile.\n";
    let g = build(&[("own.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    assert!(has_edge(&g, actor("Ana Reyes"), Relation::Leads, actor("Chile")));
    assert!(!has_edge(&g, actor("Ana Reyes"), Relation::Supports, actor("Chile")), "{:?}", names(&g));
}

#[test]
fn who_leads_a_partys_delegation_represents_it() {
    let text = "Visit\n\nThe presidents praised the visit of the Chilean delegation led by First Deputy Prime Minister Ana Reyes to Lima. \
                Peru's delegation headed by Luis Varga arrived later.\n";
    let g = build(&[("delegation.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    assert!(has_edge(&g, actor("Ana Reyes"), Relation::Represents, actor("Chile")), "{:?}", names(&g));
    assert!(has_edge(&g, actor("Luis Varga"), Relation::Represents, actor("Peru")));
}

#[test]
fn a_post_in_a_known_body_is_no_body_and_an_issue_word_inside_a_name_is_no_issue() {
    let text = "Talks\n\nThe president held talks with Chairperson of the African Union, President of Senegal Ana Reyes. \
                She met the Director General of the International Atomic Energy Agency on Monday.\n";
    let g = build(&[("post.txt", text)]);
    let all = names(&g);
    assert!(!all.iter().any(|n| n.starts_with("Chairperson")), "{all:?}");
    node(&g, "African Union", Kind::Actor);
    node(&g, "IAEA", Kind::Actor);
    // "Energy" there is part of the agency's name.
    assert!(g.lookup("energy").is_empty(), "{all:?}");
}

#[test]
fn the_presidents_of_named_states_are_their_leaders() {
    let text = "Summit\n\nPresident of Chile Ana Reyes, President of Peru Luis Varga and President of Bolivia Rosa Quispe met in Lima. \
                The Presidents of Chile, Peru and Bolivia also discussed river transport. \
                Ana Reyes thanked the Presidents of Peru and Bolivia for their support for Chile.\n";
    let g = build(&[("presidents.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    let talks = |a: &str, b: &str| has_edge(&g, actor(a), Relation::NegotiatesWith, actor(b)) || has_edge(&g, actor(b), Relation::NegotiatesWith, actor(a));
    assert!(talks("Ana Reyes", "Luis Varga") && talks("Luis Varga", "Rosa Quispe"), "{:?}", names(&g));
    // The talks are the leaders', not a second set between the states.
    assert!(!talks("Chile", "Peru") && !talks("Peru", "Bolivia"));
    assert!(has_edge(&g, actor("Luis Varga"), Relation::Supports, actor("Chile")) && has_edge(&g, actor("Rosa Quispe"), Relation::Supports, actor("Chile")));
}

#[test]
fn a_cue_cut_off_mid_word_falls_back_to_the_shorter_cue() {
    // "met Indian …": the longer cue "met in" ends inside "Indian"; "met" still holds.
    let text = "Visit\n\nChilean President Ana Reyes met Indonesian President Luis Varga in Lima on Monday.\n";
    let g = build(&[("met.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    assert!(has_edge(&g, actor("Ana Reyes"), Relation::NegotiatesWith, actor("Luis Varga")), "{:?}", names(&g));
    assert!(has_edge(&g, actor("Luis Varga"), Relation::Leads, actor("Indonesia")));
}

#[test]
fn named_pipelines_laws_and_partnerships_are_proposals() {
    let text = "Energy\n\nPeru backed the Andes pipeline and the EU Coastal Law. \
                Chile supported the Chile-Peru Digital Partnership. Bolivia opposed the Altiplano project.\n";
    let g = build(&[("named.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    let plan = |name: &str| node(&g, name, Kind::Proposal);
    assert!(has_edge(&g, actor("Peru"), Relation::Supports, plan("Andes pipeline")), "{:?}", names(&g));
    assert!(has_edge(&g, actor("Peru"), Relation::Supports, plan("EU Coastal Law")));
    // The hyphenated parties belong to the partnership's name, and are its parties.
    assert!(has_edge(&g, actor("Chile"), Relation::Supports, plan("Chile-Peru Digital Partnership")));
    assert!(has_edge(&g, actor("Peru"), Relation::Supports, plan("Chile-Peru Digital Partnership")));
    assert!(has_edge(&g, actor("Bolivia"), Relation::Opposes, plan("Altiplano project")));
}

#[test]
fn the_two_after_a_meeting_are_the_two_who_met() {
    let text = "Visit\n\nChilean President Ana Reyes met Peruvian President Luis Varga in Lima on Monday. \
                The two also backed the ceasefire plan, and expressed support for initiating an agreement on fisheries.\n";
    let g = build(&[("two.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    let plan = node(&g, "ceasefire plan", Kind::Proposal);
    assert!(has_edge(&g, actor("Ana Reyes"), Relation::Supports, plan) && has_edge(&g, actor("Luis Varga"), Relation::Supports, plan), "{:?}", names(&g));
    // A bare "agreement" after a proposing verb names no proposal.
    assert!(g.lookup("agreement").is_empty(), "{:?}", names(&g));
}

#[test]
fn a_minister_coordinated_after_a_titled_leader_serves_the_same_state() {
    let text = "Talks\n\nChilean President Ana Reyes and energy minister Luis Varga arrived in Lima on Monday.\n";
    let g = build(&[("minister.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    assert!(has_edge(&g, actor("Luis Varga"), Relation::Represents, actor("Chile")), "{:?}", names(&g));
    assert!(has_edge(&g, actor("Ana Reyes"), Relation::Leads, actor("Chile")));
}

#[test]
fn everyday_words_and_fragments_make_no_nodes() {
    let text = "Reforms\n\nMuch has already been done. Particular attention was paid to the border. \
                The minister proposed updating the Joint Declaration on Fisheries. Peru proposed an alternative to the plan. \
                The two sides have launched 170 projects so far. In a February 6 statement, Chile rejected the claim. \
                Professor of State Theory and Law Ana Reyes said the talks would resume.\n";
    let g = build(&[("fragments.txt", text)]);
    for junk in ["Much", "Particular", "updating", "alternative", "170 projects", "6 statement", "Professor of State Theory and Law"] {
        assert!(g.lookup(junk).is_empty(), "'{junk}' became a node: {:?}", names(&g));
    }
    node(&g, "Joint Declaration on Fisheries", Kind::Proposal);
}

#[test]
fn a_college_named_for_a_king_is_one_institution() {
    let text = "Analysis\n\nAna Reyes, a lecturer at King's College, said the ceasefire would not hold.\n";
    let g = build(&[("college.txt", text)]);
    let college = node(&g, "King's College", Kind::Institution);
    assert!(has_edge(&g, node(&g, "Ana Reyes", Kind::Expert), Relation::AffiliatedWith, college), "{:?}", names(&g));
    assert!(g.lookup("King").iter().all(|&id| g.node(id).name != "King"), "{:?}", names(&g));
}

#[test]
fn the_first_person_of_a_quotation_is_its_speaker() {
    let text = "Sanctions\n\nAna Reyes, president of the Andes Institute, said in a statement: \"Lima has tried to silence us before. \
                It has not worked. We stand firmly with Bolivia.\"\n";
    let g = build(&[("quote.txt", text)]);
    let reyes = g.lookup("Ana Reyes")[0];
    assert!(has_edge(&g, reyes, Relation::Supports, node(&g, "Bolivia", Kind::Actor)), "{:?}", names(&g));
}

#[test]
fn a_passive_without_its_agent_is_no_stance() {
    let text = "Sanctions\n\nAna Reyes, who was personally sanctioned along with Peru, said the measures were unjust. \
                Chile was condemned by Bolivia.\n";
    let g = build(&[("passive.txt", text)]);
    let reyes = g.lookup("Ana Reyes")[0];
    let peru = node(&g, "Peru", Kind::Actor);
    assert!(!has_edge(&g, reyes, Relation::Opposes, peru), "{:?}", names(&g));
    // With its agent, the passive still reads.
    assert!(has_edge(&g, node(&g, "Bolivia", Kind::Actor), Relation::Opposes, node(&g, "Chile", Kind::Actor)));
}

#[test]
fn participants_listed_after_a_summit_talk_with_its_host() {
    let text = "Summit\n\nPresident of Chile Ana Reyes took part in the Andean summit. \
                Taking part in the summit were President of Peru Luis Varga, Prime Minister of Bolivia Rosa Quispe \
                and Chilean Foreign Minister Marta Soto.\n";
    let g = build(&[("summit.txt", text)]);
    let actor = |name: &str| node(&g, name, Kind::Actor);
    let talks = |a: &str, b: &str| has_edge(&g, actor(a), Relation::NegotiatesWith, actor(b));
    assert!(talks("Ana Reyes", "Luis Varga") && talks("Ana Reyes", "Rosa Quispe"), "{:?}", names(&g));
    // Her own minister is no counterpart.
    assert!(!talks("Ana Reyes", "Marta Soto"));
}

/// A word run into a person's name ("Answering Vladimir Putin", a party's name before its
/// leader's) is not a second person when the article names them plainly too.
#[test]
fn a_word_run_into_a_name_makes_no_second_person() {
    let g = build(&[(
        "coalition.txt",
        "Coalition formed\n\nThe coalition would be led by the head of the right-wing party Tikva Naftali Bennett, a staunch advocate of settlements.\n\
         Naftali Bennett said the government would work for all citizens. Bennett will serve first.\n",
    )]);
    let bennett = node(&g, "Naftali Bennett", Kind::Actor);
    assert!(g.lookup("Tikva Naftali Bennett").iter().all(|&id| id == bennett), "{:?}", names(&g));
    assert_eq!(g.lookup("Bennett"), &[bennett]);
    assert!(!g.node(bennett).aliases.iter().any(|a| a.contains("Tikva")), "{:?}", g.node(bennett).aliases);
}

/// The staff of a head of state, and the head of one policy of a bloc, speak for it; they do not
/// lead it.
#[test]
fn a_presidents_press_secretary_and_a_policy_chief_represent_without_leading() {
    let g = build(&[(
        "staff.txt",
        "Statement\n\nThis was emphasized by Press Secretary of the President of Ukraine Oleh Marchenko in a video commentary.\n\
         EU foreign policy chief Anna Lindqvist said the measures would hurt the economy of Belarus.\n",
    )]);
    let marchenko = node(&g, "Oleh Marchenko", Kind::Actor);
    let ukraine = node(&g, "Ukraine", Kind::Actor);
    assert!(has_edge(&g, marchenko, Relation::Represents, ukraine));
    assert!(!has_edge(&g, marchenko, Relation::Leads, ukraine));
    let lindqvist = node(&g, "Anna Lindqvist", Kind::Actor);
    let eu = node(&g, "Europe", Kind::Actor);
    assert!(has_edge(&g, lindqvist, Relation::Represents, eu));
    assert!(!has_edge(&g, lindqvist, Relation::Leads, eu));
}

/// "agreed to host X": the parties after the verb are what it acts on, not what is supported; a
/// price in "US$" names no state.
#[test]
fn agreeing_to_act_on_a_party_and_a_dollar_price_are_no_support() {
    let g = build(&[(
        "host.txt",
        "Hosts\n\nIn 2013 Albania agreed to host members of a group from Iran at the request of the United Nations.\n\
         Canada agreed to support Ukraine.\n\
         India signed the US$2.5 billion deal with Airbus in 2021.\n",
    )]);
    let albania = node(&g, "Albania", Kind::Actor);
    let iran = node(&g, "Iran", Kind::Actor);
    assert!(!has_edge(&g, albania, Relation::Supports, iran));
    assert!(has_edge(&g, node(&g, "Canada", Kind::Actor), Relation::Supports, node(&g, "Ukraine", Kind::Actor)));
    assert!(g.lookup("United States").is_empty(), "{:?}", names(&g));
}

/// Leaders listed as taking part in one meeting talk with each other, and with the article's
/// subject when they "also" take part; an invitation to take part is no meeting yet.
#[test]
fn leaders_taking_part_in_one_meeting_talk_with_each_other() {
    let g = build(&[(
        "summit.txt",
        "Summit\n\nMilan Jovic took part in the summit, held via videoconference.\n\
         President of Brazil Ana Souza, Prime Minister of India Ravi Rao and President of Kenya Amos Kibet are also taking part in the meeting.\n\
         Rao accepted an invitation from President of Indonesia Budi Hartono to take part in the next summit.\n",
    )]);
    let souza = node(&g, "Ana Souza", Kind::Actor);
    let rao = node(&g, "Ravi Rao", Kind::Actor);
    let kibet = node(&g, "Amos Kibet", Kind::Actor);
    let jovic = node(&g, "Milan Jovic", Kind::Actor);
    let talk = |a, b| has_edge(&g, a, Relation::NegotiatesWith, b) || has_edge(&g, b, Relation::NegotiatesWith, a);
    for (a, b) in [(souza, rao), (souza, kibet), (rao, kibet), (jovic, souza), (jovic, rao), (jovic, kibet)] {
        assert!(talk(a, b), "{} and {}", g.node(a).name, g.node(b).name);
    }
    assert!(!talk(rao, node(&g, "Budi Hartono", Kind::Actor)));

    let g = build(&[(
        "trilateral.txt",
        "Trilateral\n\nThe meeting was attended by Israeli prime minister Dan Levi, Greek prime minister Nikos Pappas and Cypriot president Eleni Georgiou.\n",
    )]);
    let talk = |a, b| has_edge(&g, a, Relation::NegotiatesWith, b) || has_edge(&g, b, Relation::NegotiatesWith, a);
    assert!(talk(node(&g, "Dan Levi", Kind::Actor), node(&g, "Eleni Georgiou", Kind::Actor)));
}

/// Support for a party's own cause ("Ukraine's independence") is support for the party; "any
/// attempt to undermine" names no one who undermines.
#[test]
fn support_for_a_partys_sovereignty_supports_the_party() {
    let g = build(&[(
        "cause.txt",
        "Support\n\nSweden expressed support for Ukraine's sovereignty.\n\
         Latvia does not recognize any attempt to undermine Georgia's territorial integrity.\n\
         Chile backed Russia's plan.\n",
    )]);
    let ukraine = node(&g, "Ukraine", Kind::Actor);
    assert!(has_edge(&g, node(&g, "Sweden", Kind::Actor), Relation::Supports, ukraine));
    let latvia = node(&g, "Latvia", Kind::Actor);
    let georgia = node(&g, "Georgia", Kind::Actor);
    assert!(!has_edge(&g, latvia, Relation::Opposes, georgia));
    assert!(!has_edge(&g, node(&g, "Chile", Kind::Actor), Relation::Supports, node(&g, "Russia", Kind::Actor)));
}

/// Whoever applies sanctions, in whatever words, opposes their target (institutions too);
/// sanctions meant "to affect" someone are not applied to anyone named.
#[test]
fn sanctions_applied_in_other_words_are_opposition() {
    let g = build(&[(
        "sanctions.txt",
        "Sanctions\n\nChina applied similar sanctions to the Prospect Foundation and the Hudson Institute.\n\
         Canada and its allies imposed numerous sanctions to affect Peru financially.\n",
    )]);
    let china = node(&g, "China", Kind::Actor);
    let opposes = |a, name: &str| g.lookup(name).iter().any(|&b| has_edge(&g, a, Relation::Opposes, b));
    assert!(opposes(china, "Prospect Foundation"), "{:?}", names(&g));
    assert!(opposes(china, "Hudson Institute"), "{:?}", names(&g));
    assert!(!opposes(node(&g, "Canada", Kind::Actor), "Peru"));
}

/// "Federal Minister for Foreign Affairs of Germany NAME": the state after the portfolio is the
/// party, and "Federal" is part of the title, not a person of its own.
#[test]
fn a_portfolio_title_with_its_state_after_it_names_the_party() {
    let g = build(&[(
        "visit.txt",
        "Visit\n\nPresident of Ukraine Volodymyr Zelenskyy had a meeting with Federal Minister for Foreign Affairs of Germany Anna Berger.\n\
         Vladimir Putin had a telephone conversation with Federal Chancellor of Austria Karl Huber.\n",
    )]);
    let berger = node(&g, "Anna Berger", Kind::Actor);
    assert!(has_edge(&g, berger, Relation::Represents, node(&g, "Germany", Kind::Actor)));
    assert!(has_edge(&g, node(&g, "Karl Huber", Kind::Actor), Relation::Leads, node(&g, "Austria", Kind::Actor)));
    assert!(g.lookup("Federal").is_empty(), "{:?}", names(&g));
}

/// An everyday word after a title is the rest of the title or a thing, not a person's surname;
/// "states" after "Baltic" is a noun, not speech.
#[test]
fn an_everyday_word_after_a_title_is_no_person() {
    let g = build(&[(
        "titles.txt",
        "Letters\n\nWe answered a questionnaire from Josep Borrell, Head of European Diplomacy.\n\
         The Ambassador Extraordinary and Plenipotentiary of Croatia to Ukraine is returning to Kyiv.\n\
         I met in Kyiv with the foreign ministers of the three Baltic states.\n",
    )]);
    for word in ["Diplomacy", "Extraordinary", "Baltic"] {
        assert!(g.lookup(word).is_empty(), "{word}: {:?}", names(&g));
    }
    node(&g, "Josep Borrell", Kind::Actor);
}

/// News outlets and platforms the lexicon lists are institutions, never people ("told Wikinews").
#[test]
fn outlets_are_institutions_not_people() {
    let g = build(&[(
        "interview.txt",
        "Interview\n\nThe mayor Ana Ruiz told Wikinews the vote was fair, and later wrote on Twitter that she would stay.\n",
    )]);
    node(&g, "Wikinews", Kind::Institution);
    assert!(g.lookup("Twitter").iter().all(|&id| g.node(id).kind == Kind::Institution), "{:?}", names(&g));
}

/// A state's formal style ("the Grand Duchy of …") before its name, even run together with
/// "of" as scraped text has it, still names the title's party.
#[test]
fn a_states_formal_style_and_run_together_words_still_name_the_party() {
    let g = build(&[(
        "call.txt",
        "Call\n\nVladimir Putin had a telephone conversation with Prime Minister of the Grand Duchy ofLuxembourg Jean Weber.\n",
    )]);
    let weber = node(&g, "Jean Weber", Kind::Actor);
    assert!(has_edge(&g, weber, Relation::Leads, node(&g, "Luxembourg", Kind::Actor)));
    assert!(has_edge(&g, node(&g, "Vladimir Putin", Kind::Actor), Relation::NegotiatesWith, weber));
}

/// "NAME, who was appointed TITLE," describes NAME as the title would.
#[test]
fn a_post_given_in_a_relative_clause_describes_the_person() {
    let g = build(&[(
        "posts.txt",
        "Posts\n\nOleh Marchenko, who was appointed Minister of Defense of Ukraine, will lead the talks.\n\
         Anna Berg, who was elected President of Finland in 2020, spoke.\n",
    )]);
    assert!(has_edge(&g, node(&g, "Oleh Marchenko", Kind::Actor), Relation::Represents, node(&g, "Ukraine", Kind::Actor)));
    assert!(has_edge(&g, node(&g, "Anna Berg", Kind::Actor), Relation::Leads, node(&g, "Finland", Kind::Actor)));
}

/// A description between commas right before the verb is not its subject: "Russia, as a member
/// of the CSTO, provided help to Kazakhstan".
#[test]
fn a_description_between_commas_is_not_the_subject() {
    let g = build(&[(
        "help.txt",
        "Help\n\nRussia, as a member country of the Collective Security Treaty Organisation, provided help to Kazakhstan.\n",
    )]);
    let kazakhstan = node(&g, "Kazakhstan", Kind::Actor);
    assert!(has_edge(&g, node(&g, "Russia", Kind::Actor), Relation::Supports, kazakhstan));
    assert!(g.lookup("Collective Security Treaty Organisation").iter().all(|&csto| !has_edge(&g, csto, Relation::Supports, kazakhstan)));
}

/// "Commander-in-Chief of the Armed Forces of Ukraine NAME": NAME leads the state's body and
/// represents the state, and a bare "President" elsewhere still finds the one state its holder
/// leads.
#[test]
fn the_head_of_a_states_body_leads_the_body_and_represents_the_state() {
    let g = build(&[(
        "command.txt",
        "Command\n\nCommander-in-Chief of the Armed Forces of Ukraine Petro Bondar met Jacob Sullivan.\n",
    )]);
    let bondar = node(&g, "Petro Bondar", Kind::Actor);
    assert!(has_edge(&g, bondar, Relation::Leads, node(&g, "Armed Forces of Ukraine", Kind::Actor)));
    let ukraine = node(&g, "Ukraine", Kind::Actor);
    assert!(has_edge(&g, bondar, Relation::Represents, ukraine));
    assert!(!has_edge(&g, bondar, Relation::Leads, ukraine));

    let g = build(&[
        (
            "one.txt",
            "One\n\nPresident of Ukraine Ivan Koval visited Rivne.\nSupreme Commander-in-Chief of the Armed Forces of Ukraine Ivan Koval inspected the troops.\n",
        ),
        ("two.txt", "Two\n\nThis was stated by President Ivan Koval in his address on the future of Ukraine.\n"),
    ]);
    let koval = node(&g, "Ivan Koval", Kind::Actor);
    let ukraine = node(&g, "Ukraine", Kind::Actor);
    let e = g.find_edge(koval, ukraine, &Relation::Leads).expect("Koval leads Ukraine");
    assert!(g.edge(e).evidence.iter().any(|ev| ev.article == "two"), "{:?}", g.edge(e).evidence);
}

/// Staff of a head of state or government ("… Adviser to the Prime Minister of the Kingdom of
/// the Netherlands NAME") represent the state; the head named in a state's formal style still
/// leads it.
#[test]
fn a_heads_staff_represent_the_state_and_the_head_leads_it() {
    let g = build(&[(
        "staff.txt",
        "Calls\n\nIhor Zhovkva had a telephone conversation with Director of the Diplomatic Cabinet of the Prime Minister of the Hellenic Republic Eleni Sourou.\n\
         Zelenskyy had a phone conversation with Prime Minister of the Kingdom of Sweden Karin Berg.\n",
    )]);
    let greece = node(&g, "Greece", Kind::Actor);
    let sourou = node(&g, "Eleni Sourou", Kind::Actor);
    assert!(has_edge(&g, sourou, Relation::Represents, greece) && !has_edge(&g, sourou, Relation::Leads, greece));
    assert!(has_edge(&g, node(&g, "Karin Berg", Kind::Actor), Relation::Leads, node(&g, "Sweden", Kind::Actor)));
}

/// A body named after a known bloc or organisation is part of it (DESIGN.md's `part_of`).
#[test]
fn a_body_named_after_a_known_organisation_is_part_of_it() {
    let g = build(&[(
        "bodies.txt",
        "Bodies\n\nThe OSCE Special Monitoring Mission reported new shelling, the Council of the European Union said.\n\
         The Ministry of Defence of Ukraine denied it.\n",
    )]);
    let osce = node(&g, "OSCE", Kind::Actor);
    assert!(has_edge(&g, node(&g, "OSCE Special Monitoring Mission", Kind::Actor), Relation::PartOf, osce), "{:?}", names(&g));
    let council = node(&g, "Council of the European Union", Kind::Actor);
    assert!(has_edge(&g, council, Relation::PartOf, node(&g, "Europe", Kind::Actor)));
    // A state's ministry is the state, not a part of a bloc or a node of its own.
    assert!(g.lookup("Ministry of Defence of Ukraine").iter().all(|&id| g.node(id).name == "Ukraine"), "{:?}", names(&g));
}

/// The target of sanctions or of an attack named before a stance is not its subject.
#[test]
fn a_target_of_sanctions_is_no_subject_of_the_support_that_follows() {
    let g = build(&[(
        "evidence.txt",
        "Evidence\n\nThis is evidenced by sanctions against Russia and support for Ukraine.\nSweden expressed support for Georgia.\n",
    )]);
    assert!(!has_edge(&g, node(&g, "Russia", Kind::Actor), Relation::Supports, node(&g, "Ukraine", Kind::Actor)), "{:?}", names(&g));
    assert!(has_edge(&g, node(&g, "Sweden", Kind::Actor), Relation::Supports, node(&g, "Georgia", Kind::Actor)));
}

/// A party right before an issue only says whose it is: supporting "EU sanctions" is no support
/// for the EU.
#[test]
fn a_party_qualifying_an_issue_is_no_object() {
    let g = build(&[("backing.txt", "Backing\n\nNorway would clearly support the next package of EU sanctions.\n")]);
    let norway = node(&g, "Norway", Kind::Actor);
    assert!(g.lookup("European Union").iter().chain(g.lookup("Europe")).all(|&eu| !has_edge(&g, norway, Relation::Supports, eu)), "{:?}", names(&g));
}

/// A deputy's title standing alone is the deputy's; the head's title is not.
#[test]
fn a_deputy_title_standing_alone_is_the_deputy() {
    let g = build(&[(
        "deputy.txt",
        "Talks\n\nDeputy Head of the Office of the President of Moldova Ana Ciobanu met the envoys.\n\
         The Deputy Head of the Office of the President stressed the need to increase sanctions.\n",
    )]);
    let deputy = node(&g, "Ana Ciobanu", Kind::Actor);
    assert!(g.node(deputy).roles.iter().any(|r| r.starts_with("Deputy Head")), "{:?}", g.node(deputy).roles);
    assert!(has_edge(&g, deputy, Relation::PositionOn, node(&g, "sanctions", Kind::Issue)), "{:?}", names(&g));
    // "the need to" a course of action is a position, as "the need for" one is.
    let g = build(&[("need.txt", "Talks\n\nPresident Ana Ciobanu emphasised the need to lift the sanctions.\n")]);
    assert!(has_edge(&g, node(&g, "Ana Ciobanu", Kind::Actor), Relation::PositionOn, node(&g, "sanctions", Kind::Issue)));
}

/// The authors of a joint statement stand by it, whether they issue it or it names them after
/// "by"; a participle after a common noun ("the decisions adopted in …") is nobody's act.
#[test]
fn authors_of_a_joint_statement_support_it() {
    let g = build(&[(
        "joint.txt",
        "Statement\n\nChile and Peru issued a joint statement on fishing rights.\n\
         Bolivia was condemned in a joint declaration by Chile and Peru on Monday.\n\
         Ecuador recalled the decisions adopted in the Lima format.\n",
    )]);
    let (chile, peru) = (node(&g, "Chile", Kind::Actor), node(&g, "Peru", Kind::Actor));
    let statement = node(&g, "joint statement", Kind::Proposal);
    assert!(has_edge(&g, chile, Relation::Supports, statement) && has_edge(&g, peru, Relation::Supports, statement), "{:?}", names(&g));
    let declaration = node(&g, "joint declaration", Kind::Proposal);
    assert!(has_edge(&g, chile, Relation::Supports, declaration) && has_edge(&g, peru, Relation::Supports, declaration));
    assert!(has_edge(&g, chile, Relation::Opposes, node(&g, "Bolivia", Kind::Actor)));
    let ecuador = node(&g, "Ecuador", Kind::Actor);
    assert!(g.edge_ids().all(|e| g.endpoints(e).0 != ecuador || g.edge(e).relation != Relation::Supports), "{:?}", names(&g));
}

/// A parenthesised short form inside a list of subjects does not break the list; whoever levies
/// sanctions holds a position on them.
#[test]
fn a_parenthesis_does_not_break_a_list_of_subjects() {
    let g = build(&[(
        "list.txt",
        "Sanctions\n\nOn Monday, Canada, the European Union (EU) and Japan imposed new sanctions on officials in Belarus.\n\
         ECOWAS levied punitive sanctions against Mali.\n",
    )]);
    let belarus = node(&g, "Belarus", Kind::Actor);
    let sanctions = node(&g, "sanctions", Kind::Issue);
    for party in ["Canada", "European Union", "Japan"] {
        let p = node(&g, party, Kind::Actor);
        assert!(has_edge(&g, p, Relation::Opposes, belarus), "{party}: {:?}", names(&g));
        assert!(has_edge(&g, p, Relation::PositionOn, sanctions), "{party}");
    }
    assert!(has_edge(&g, node(&g, "ECOWAS", Kind::Actor), Relation::PositionOn, sanctions));
}

/// A readout's untitled protagonist is the head of state its title names, also after an
/// introductory phrase ("At the request of NAME, the President of Serbia spoke").
#[test]
fn a_title_after_an_introductory_phrase_names_the_readouts_protagonist() {
    let g = build(&[(
        "readout.txt",
        "Telephone conversation\n\nMilan Jovic had a telephone conversation with President of Chile Ana Reyes.\n\
         At the request of Ana Reyes, the President of Serbia spoke about the situation.\n\
         Milan Jovic and Ana Reyes agreed to continue their contacts.\n",
    )]);
    assert!(has_edge(&g, node(&g, "Milan Jovic", Kind::Actor), Relation::Leads, node(&g, "Serbia", Kind::Actor)), "{:?}", names(&g));
    // "Ana Reyes, the President of …" would be an apposition: no protagonist there.
    let g = build(&[(
        "apposed.txt",
        "Talks\n\nMilan Jovic had a call with Ana Reyes.\nHe thanked Ana Reyes, the President of Serbia, for the invitation.\nMilan Jovic agreed.\n",
    )]);
    assert!(!has_edge(&g, node(&g, "Milan Jovic", Kind::Actor), Relation::Leads, node(&g, "Serbia", Kind::Actor)), "{:?}", names(&g));
}

/// A readout's untitled protagonist who calls the leader of one state of a pair ("relations
/// between Serbia and Chile") leads the other; a pair the call only discusses ("the border
/// between Chile and Peru") says nothing of the caller.
#[test]
fn an_untitled_protagonist_leads_the_other_state_of_the_pair() {
    let g = build(&[(
        "greetings.txt",
        "Greetings\n\nMilan Jovic sent greetings to President of Chile Ana Reyes on the anniversary of diplomatic relations between Serbia and Chile.\n",
    )]);
    assert!(has_edge(&g, node(&g, "Milan Jovic", Kind::Actor), Relation::Leads, node(&g, "Serbia", Kind::Actor)), "{:?}", names(&g));
    let g = build(&[(
        "border.txt",
        "Call\n\nMilan Jovic had a telephone conversation with President of Chile Ana Reyes.\nThey discussed incidents on the border between Chile and Peru.\n",
    )]);
    assert!(!has_edge(&g, node(&g, "Milan Jovic", Kind::Actor), Relation::Leads, node(&g, "Peru", Kind::Actor)), "{:?}", names(&g));
}

/// Thanks "for supporting" something name a supporter as thanks "for the support of" it do.
#[test]
fn thanks_for_supporting_name_the_supporter() {
    let g = build(&[(
        "thanks.txt",
        "Call\n\nPresident of Chile Ana Reyes had a call with Prime Minister of Norway Ole Berg.\n\
         She thanked the Norwegian government for supporting the sovereignty of our state.\n",
    )]);
    let norway = node(&g, "Norway", Kind::Actor);
    assert!(has_edge(&g, norway, Relation::Supports, node(&g, "Chile", Kind::Actor)), "{:?}", names(&g));
    assert!(has_edge(&g, norway, Relation::Supports, node(&g, "sovereignty", Kind::Issue)));
}

/// A video conference is talks like a meeting or a call.
#[test]
fn a_video_conference_is_talks() {
    let g = build(&[("video.txt", "Talks\n\nPresident of Chile Ana Reyes and President of Peru Luis Varga held a video conference.\n")]);
    assert!(has_edge(&g, node(&g, "Ana Reyes", Kind::Actor), Relation::NegotiatesWith, node(&g, "Luis Varga", Kind::Actor)), "{:?}", names(&g));
}

/// A defence attaché serves the state of the embassy.
#[test]
fn a_defense_attache_represents_the_state() {
    let g = build(&[("attache.txt", "Meeting\n\nNorwegian Defense Attaché Kari Nordmann met with the Minister of Defence of Chile.\n")]);
    assert!(has_edge(&g, node(&g, "Kari Nordmann", Kind::Actor), Relation::Represents, node(&g, "Norway", Kind::Actor)), "{:?}", names(&g));
}

/// A coded name before a title ("COP26 President NAME") is the body the post is in.
#[test]
fn a_coded_name_before_a_title_is_its_body() {
    let g = build(&[("coded.txt", "Summit\n\nThe summit closed. COP31 President Ana Reyes said that she was sorry.\n")]);
    let reyes = node(&g, "Ana Reyes", Kind::Actor);
    assert!(g.lookup("COP31").iter().any(|&b| has_edge(&g, reyes, Relation::Leads, b)), "{:?}", names(&g));
}

/// A short form in brackets between a title's body and the name belongs to the title.
#[test]
fn a_bracketed_short_form_inside_a_title_keeps_the_name() {
    let g = build(&[("icc.txt", "Court\n\nSecretary General of the Andean Trade Council (ATC) Ana Reyes announced the decision.\n")]);
    let reyes = node(&g, "Ana Reyes", Kind::Actor);
    let council = node(&g, "Andean Trade Council", Kind::Actor);
    assert!(has_edge(&g, reyes, Relation::Leads, council), "{:?}", names(&g));
}

/// Talks that are only a topic ("informed X about the situation regarding talks with Y") say
/// nothing of who holds them.
#[test]
fn talks_as_a_topic_have_no_subject() {
    let g = build(&[("topic.txt", "Call\n\nMilan Jovic informed President of Chile Ana Reyes about the situation regarding talks with representatives of Peru.\n")]);
    let reyes = node(&g, "Ana Reyes", Kind::Actor);
    assert!(!has_edge(&g, reyes, Relation::NegotiatesWith, node(&g, "Peru", Kind::Actor)), "{:?}", names(&g));
}

/// "a joint statement by the leaders of both states": the two who met stand by it.
#[test]
fn a_statement_by_the_two_leaders_is_theirs() {
    let g = build(&[(
        "pair.txt",
        "Talks\n\nPresident of Chile Ana Reyes held talks with President of Peru Luis Varga.\n\
         A package of documents was signed. It included a joint statement by the leaders of both states.\n",
    )]);
    let statement = node(&g, "joint statement", Kind::Proposal);
    for leader in ["Ana Reyes", "Luis Varga"] {
        assert!(has_edge(&g, node(&g, leader, Kind::Actor), Relation::Supports, statement), "{leader}: {:?}", names(&g));
    }
}

/// The two states named in a concluded agreement's or partnership's compound are its parties;
/// a draft is not yet theirs.
#[test]
fn the_states_of_a_compound_agreement_are_its_parties() {
    let g = build(&[(
        "compound.txt",
        "Talks\n\nThe leaders praised the Chilean-Peruvian agreement on fishing.\nThey discussed the draft Bolivian-Chilean treaty.\n",
    )]);
    let agreement = node(&g, "Chilean-Peruvian agreement", Kind::Proposal);
    assert!(has_edge(&g, node(&g, "Chile", Kind::Actor), Relation::Supports, agreement), "{:?}", names(&g));
    assert!(has_edge(&g, node(&g, "Peru", Kind::Actor), Relation::Supports, agreement));
    let draft = node(&g, "draft treaty", Kind::Proposal);
    assert!(g.edge_ids().all(|e| g.endpoints(e).1 != draft || g.edge(e).relation != Relation::Supports), "{:?}", names(&g));
}

/// One call with two leaders of different states is a three-way conversation; two officials of
/// one state are one side of it.
#[test]
fn a_call_with_two_leaders_is_three_way() {
    let g = build(&[(
        "call.txt",
        "Call\n\nMilan Jovic spoke by telephone with President of Chile Ana Reyes and Prime Minister of Peru Luis Varga.\n\
         Olga Petrova met with Foreign Minister of Chile Rosa Diaz and Interior Minister of Chile Pablo Soto.\n",
    )]);
    assert!(has_edge(&g, node(&g, "Ana Reyes", Kind::Actor), Relation::NegotiatesWith, node(&g, "Luis Varga", Kind::Actor)), "{:?}", names(&g));
    let (diaz, soto) = (node(&g, "Rosa Diaz", Kind::Actor), node(&g, "Pablo Soto", Kind::Actor));
    assert!(!has_edge(&g, diaz, Relation::NegotiatesWith, soto) && !has_edge(&g, soto, Relation::NegotiatesWith, diaz));
}

/// "during NAME's visit … and his meeting with X": his is the person just named, not the
/// country visited.
#[test]
fn his_meeting_is_the_person_just_named() {
    let g = build(&[(
        "visit.txt",
        "Visit\n\nThe agreements were reached during President of Chile Ana Reyes's visit to Peru and her meeting with Minister of Defence of Peru Luis Varga in Lima.\n",
    )]);
    let varga = node(&g, "Luis Varga", Kind::Actor);
    assert!(has_edge(&g, node(&g, "Ana Reyes", Kind::Actor), Relation::NegotiatesWith, varga), "{:?}", names(&g));
    assert!(!has_edge(&g, node(&g, "Peru", Kind::Actor), Relation::NegotiatesWith, varga));
}

/// Whoever a proposal is sent, handed or presented to receives it; an infinitive after "to" is
/// no recipient.
#[test]
fn a_proposal_sent_to_a_party_is_received() {
    let g = build(&[(
        "sent.txt",
        "Drafts\n\nChile presented its 10-point peace plan to Peru.\n\
         The draft treaty and the draft agreement, which were sent to Chile's partners, including Bolivia, were discussed.\n\
         Ecuador presented the 5-point framework to strengthen sanctions against Colombia.\n",
    )]);
    let plan = node(&g, "10-point peace plan", Kind::Proposal);
    assert!(has_edge(&g, node(&g, "Peru", Kind::Actor), Relation::Received, plan), "{:?}", names(&g));
    let bolivia = node(&g, "Bolivia", Kind::Actor);
    assert!(has_edge(&g, bolivia, Relation::Received, node(&g, "draft treaty", Kind::Proposal)), "{:?}", names(&g));
    assert!(g.lookup("Chile").iter().all(|&c| !has_edge(&g, c, Relation::Received, node(&g, "draft treaty", Kind::Proposal))));
    let framework = node(&g, "5-point framework", Kind::Proposal);
    assert!(!has_edge(&g, node(&g, "Colombia", Kind::Actor), Relation::Received, framework));
}

/// "the party, led by NAME": the person after "led by" or "headed by" leads it.
#[test]
fn led_by_names_the_leader() {
    let g = build(&[(
        "led.txt",
        "Parties\n\nThe Andean Labour Party, led by Ana Reyes, joined the coalition.\n\
         The Federal Fisheries Agency, headed by Luis Varga, has been working hard.\n",
    )]);
    assert!(has_edge(&g, node(&g, "Ana Reyes", Kind::Actor), Relation::Leads, node(&g, "Andean Labour Party", Kind::Actor)), "{:?}", names(&g));
    let agency = g.lookup("Federal Fisheries Agency");
    assert!(agency.iter().any(|&a| has_edge(&g, node(&g, "Luis Varga", Kind::Actor), Relation::Leads, a)), "{:?}", names(&g));
}

/// "the chairman of the US Joint Chiefs of Staff" names a body, not a person "Joint Chiefs",
/// and its chairman serves the state rather than leading it; "Senator NAME of Vermont" is still
/// a person of a place.
#[test]
fn a_body_named_after_a_state_is_no_person() {
    let g = build(&[(
        "chiefs.txt",
        "Drills\n\nGeneral Ana Reyes, the chairman of the Chilean Joint Chiefs of Staff, told reporters the drills went well.\n\
         Senator Luis Varga of Peru said he agreed.\n",
    )]);
    assert!(g.lookup("Joint Chiefs").is_empty(), "{:?}", names(&g));
    let (reyes, chile) = (node(&g, "Ana Reyes", Kind::Actor), node(&g, "Chile", Kind::Actor));
    assert!(!has_edge(&g, reyes, Relation::Leads, chile), "{:?}", names(&g));
    assert!(g.lookup("Luis Varga").iter().any(|&v| g.node(v).kind == Kind::Actor), "{:?}", names(&g));
}

/// General issue vocabulary: a peaceful settlement, international law, the peace process.
#[test]
fn general_issues_are_stance_objects() {
    let g = build(&[(
        "issues.txt",
        "Talks\n\nPresident of Chile Ana Reyes stressed the importance of a peaceful resolution of the dispute.\n\
         Peru violated international law, she said.\n",
    )]);
    let reyes = node(&g, "Ana Reyes", Kind::Actor);
    let settlement = node(&g, "peaceful settlement", Kind::Issue);
    assert!(has_edge(&g, reyes, Relation::PositionOn, settlement), "{:?}", names(&g));
    assert!(g.node(settlement).aliases.iter().any(|a| a == "peaceful resolution"), "{:?}", g.node(settlement).aliases);
    assert!(has_edge(&g, node(&g, "Peru", Kind::Actor), Relation::Opposes, node(&g, "international law", Kind::Issue)), "{:?}", names(&g));
}

/// A stance in a condition ("if Chile backs the plan") is nobody's stance yet.
#[test]
fn a_conditional_stance_is_no_stance() {
    let g = build(&[(
        "if.txt",
        "Talks\n\nIf Chile backs the 12-point peace plan, Peru will follow.\nBolivia backed the 5-point framework as soon as possible.\n",
    )]);
    assert!(!has_edge(&g, node(&g, "Chile", Kind::Actor), Relation::Supports, node(&g, "12-point peace plan", Kind::Proposal)), "{:?}", names(&g));
    assert!(has_edge(&g, node(&g, "Bolivia", Kind::Actor), Relation::Supports, node(&g, "5-point framework", Kind::Proposal)), "{:?}", names(&g));
}

/// "could/would/might support" and "has a chance to agree to" are possible stances, not taken ones.
#[test]
fn a_possible_stance_is_no_stance() {
    let g = build(&[("maybe.txt", "Talks\n\nOfficials expressed hope that Chile would support the 12-point peace plan.\n")]);
    assert!(!has_edge(&g, node(&g, "Chile", Kind::Actor), Relation::Supports, node(&g, "12-point peace plan", Kind::Proposal)), "{:?}", names(&g));
}

/// "Chile receives support from Peru": the supporter follows the noun; Peru supports Chile.
#[test]
fn support_from_a_party_is_not_the_subjects_stance() {
    let g = build(&[("from.txt", "Aid\n\nChile is not left alone and receives support from Peru.\n")]);
    let (chile, peru) = (node(&g, "Chile", Kind::Actor), node(&g, "Peru", Kind::Actor));
    assert!(!has_edge(&g, chile, Relation::Supports, peru), "{:?}", names(&g));
    assert!(has_edge(&g, peru, Relation::Supports, chile), "{:?}", names(&g));
}

#[test]
fn two_signatories_dealt_with_each_other_but_a_multilateral_signing_is_no_talks() {
    let text = "Deal\n\nChile and Peru signed a maritime border agreement in 2003. \
                Chile, Peru, Bolivia and Ecuador signed the Andean Security Treaty.\n";
    let g = build(&[("signed.txt", text)]);
    let chile = node(&g, "Chile", Kind::Actor);
    assert!(has_edge(&g, chile, Relation::NegotiatesWith, node(&g, "Peru", Kind::Actor)) || has_edge(&g, node(&g, "Peru", Kind::Actor), Relation::NegotiatesWith, chile));
    let bolivia = node(&g, "Bolivia", Kind::Actor);
    assert!(!has_edge(&g, chile, Relation::NegotiatesWith, bolivia) && !has_edge(&g, bolivia, Relation::NegotiatesWith, chile));
    // Each signatory still supports what it signed.
    let border = node(&g, "maritime border agreement", Kind::Proposal);
    assert!(has_edge(&g, node(&g, "Peru", Kind::Actor), Relation::Supports, border));
}

#[test]
fn his_contacts_after_told_are_the_tellers() {
    let text = "Call\n\nCharles Michel told Vladimir Putin about his contacts with the Ukrainian leadership.\n";
    let g = build(&[("contacts.txt", text)]);
    let ukraine = node(&g, "Ukraine", Kind::Actor);
    assert!(has_edge(&g, node(&g, "Charles Michel", Kind::Actor), Relation::NegotiatesWith, ukraine), "{:?}", names(&g));
    assert!(!has_edge(&g, node(&g, "Vladimir Putin", Kind::Actor), Relation::NegotiatesWith, ukraine));
}

#[test]
fn a_demonym_before_a_companys_head_word_is_the_companys_name() {
    let text = "Rail\n\nA cooperation agreement was signed between Russian Railways and Kazakh Railways.\n";
    let g = build(&[("rail.txt", text)]);
    let russian = node(&g, "Russian Railways", Kind::Actor);
    let kazakh = node(&g, "Kazakh Railways", Kind::Actor);
    assert!(has_edge(&g, russian, Relation::NegotiatesWith, kazakh) || has_edge(&g, kazakh, Relation::NegotiatesWith, russian), "{:?}", names(&g));
    assert!(!names(&g).iter().any(|n| n == "Railways"));
}

#[test]
fn which_after_a_possessors_noun_is_no_stance_of_the_possessor() {
    let text = "Sanctions\n\nChile sanctioned the institute, saying it had facilitated Luis Varga's separatist activities, which seriously undermine Chile's sovereignty.\n";
    let g = build(&[("which.txt", text)]);
    let varga = node(&g, "Luis Varga", Kind::Actor);
    assert!(!g.node_ids().any(|t| has_edge(&g, varga, Relation::Opposes, t)), "{:?}", names(&g));
}

#[test]
fn it_after_a_party_in_object_position_is_not_that_party() {
    let text = "Oil\n\nThe adviser said the world should not help Russia in transporting energy - it should impose sanctions on Russian ports.\n";
    let g = build(&[("it.txt", text)]);
    let russia = node(&g, "Russia", Kind::Actor);
    assert!(!g.node_ids().any(|t| has_edge(&g, russia, Relation::PositionOn, t) || has_edge(&g, russia, Relation::Opposes, t)), "{:?}", names(&g));
}

#[test]
fn their_support_with_nothing_after_it_supports_nothing() {
    let text = "Rally\n\nGeorgians are fighting on the side of Ukraine and expressed their support on the streets of Tbilisi.\n";
    let g = build(&[("rally.txt", text)]);
    let ukraine = node(&g, "Ukraine", Kind::Actor);
    assert!(!has_edge(&g, ukraine, Relation::Supports, node(&g, "Georgia", Kind::Actor)), "{:?}", names(&g));
}

#[test]
fn his_support_of_a_party_supports_it() {
    let text = "Thanks\n\nVolodymyr Zelenskyy thanked Prime Minister of Croatia Andrej Plenkovic for his support of Ukraine.\n";
    let g = build(&[("thanks.txt", text)]);
    assert!(has_edge(&g, node(&g, "Andrej Plenkovic", Kind::Actor), Relation::Supports, node(&g, "Ukraine", Kind::Actor)), "{:?}", names(&g));
}

#[test]
fn talks_with_a_states_named_person_are_with_the_person_not_with_what_a_state_owns() {
    let text = "Talks\n\nEmmanuel Macron held talks with Russia's Sergei Lavrov. \
                Vladimir Putin spoke about his recent contacts with international partners and France's Presidency at the EU Council.\n";
    let g = build(&[("talks.txt", text)]);
    assert!(has_edge(&g, node(&g, "Emmanuel Macron", Kind::Actor), Relation::NegotiatesWith, node(&g, "Sergei Lavrov", Kind::Actor)), "{:?}", names(&g));
    assert!(!has_edge(&g, node(&g, "Vladimir Putin", Kind::Actor), Relation::NegotiatesWith, node(&g, "France", Kind::Actor)));
}

#[test]
fn unacceptable_to_a_party_is_that_partys_objection() {
    let text = "Operation\n\nNATO allies have been expanding their military presence in Ukraine, which is unacceptable to Russia.\n";
    let g = build(&[("unacceptable.txt", text)]);
    let russia = node(&g, "Russia", Kind::Actor);
    for who in ["Ukraine", "NATO"] {
        assert!(!has_edge(&g, node(&g, who, Kind::Actor), Relation::Opposes, russia), "{who}: {:?}", names(&g));
    }
}

#[test]
fn a_well_known_agreement_is_one_node_under_all_its_names() {
    let a = "Call\n\nBoth presidents reaffirmed the importance of fully implementing the 2015 Minsk Package of Measures.\n";
    let b = "Talks\n\nThe Chilean President said Kiev refused to fulfil the Minsk agreements.\n";
    let g = build(&[("a.txt", a), ("b.txt", b)]);
    let minsk = node(&g, "Minsk agreements", Kind::Proposal);
    assert!(g.node(minsk).aliases.iter().any(|a| a == "Minsk Package of Measures"), "{:?}", g.node(minsk).aliases);
    assert!(!names(&g).iter().any(|n| n.contains("Package of Measures")), "{:?}", names(&g));
    assert!(has_edge(&g, node(&g, "Ukraine", Kind::Actor), Relation::Opposes, minsk));
}

#[test]
fn a_states_initiative_on_something_new_is_not_the_last_agreement_named() {
    let text = "Call\n\nThe leaders discussed the Minsk agreements. \
                Vladimir Putin told him about the Russian initiative on long-term, binding security guarantees.\n";
    let g = build(&[("initiative.txt", text)]);
    let minsk = node(&g, "Minsk agreements", Kind::Proposal);
    assert!(!has_edge(&g, node(&g, "Russia", Kind::Actor), Relation::Proposed, minsk), "{:?}", names(&g));
}

#[test]
fn a_transcript_speaker_goes_on_speaking_until_the_next_label() {
    let text = "Talks\n\nVladimir Putin had talks with President of Kazakhstan Kassym-Jomart Tokayev.\n\n\
                *** President of Russia Vladimir Putin: Mr President, friends, I am glad to see you. Our trade is growing. \
                President of Kazakhstan Kassym-Jomart Tokayev: Thank you. We fully support the Minsk agreements. \
                I would like to say a few words about sanctions.\n";
    let g = build(&[("transcript.txt", text)]);
    let putin = node(&g, "Vladimir Putin", Kind::Actor);
    let tokayev = node(&g, "Kassym-Jomart Tokayev", Kind::Actor);
    assert!(has_edge(&g, putin, Relation::PositionOn, node(&g, "trade", Kind::Issue)), "{:?}", names(&g));
    let minsk = node(&g, "Minsk agreements", Kind::Proposal);
    assert!(has_edge(&g, tokayev, Relation::Supports, minsk));
    assert!(!has_edge(&g, putin, Relation::Supports, minsk));
    // A courtesy formula is no position.
    assert!(!g.node_ids().any(|t| has_edge(&g, tokayev, Relation::PositionOn, t) && g.node(t).name == "sanctions"));
}

#[test]
fn an_agreement_named_with_the_settling_of_an_issue_concerns_it() {
    let text = "Call\n\nWhile discussing prospects for resolving the intra-Ukrainian crisis, both presidents reaffirmed the importance of implementing the Minsk agreements. \
                Exchanging views on the migration crisis, Vladimir Putin emphasised that the Andean Security Treaty was working.\n";
    let g = build(&[("concerns.txt", text)]);
    let minsk = node(&g, "Minsk agreements", Kind::Proposal);
    assert!(has_edge(&g, minsk, Relation::Concerns, node(&g, "Ukraine conflict", Kind::Issue)), "{:?}", names(&g));
    let treaty = g.node_ids().find(|&id| g.node(id).kind == Kind::Proposal && g.node(id).name.contains("Andean")).expect("the treaty");
    assert!(has_edge(&g, treaty, Relation::Concerns, node(&g, "migration", Kind::Issue)));
}

#[test]
fn the_wife_of_a_president_holds_no_post() {
    let text = "Call\n\nWife of the President of Ukraine Olena Zelenska had a phone conversation with Her Majesty Queen Mathilde of Belgium. \
                Kim Yo Jong, sister of the North Korean leader Kim Jong Un, warned the United States.\n";
    let g = build(&[("kin.txt", text)]);
    assert!(!has_edge(&g, node(&g, "Olena Zelenska", Kind::Actor), Relation::Leads, node(&g, "Ukraine", Kind::Actor)), "{:?}", names(&g));
    assert!(has_edge(&g, node(&g, "Kim Jong Un", Kind::Actor), Relation::Leads, node(&g, "North Korea", Kind::Actor)));
}

#[test]
fn a_leader_the_graph_knows_leads_in_a_readout_that_never_titles_him() {
    let first = "Talks\n\nPresident of Russia Vladimir Putin met with President of Finland Sauli Niinisto.\n";
    let second = "Call\n\nVladimir Putin had a telephone conversation with Federal Chancellor of Germany Olaf Scholz. \
                  Vladimir Putin spoke about the Russian proposals on security guarantees for Russia.\n";
    let g = build(&[("first.txt", first), ("second.txt", second)]);
    let putin = node(&g, "Vladimir Putin", Kind::Actor);
    let russia = node(&g, "Russia", Kind::Actor);
    let leads = g.edge_ids().find(|&e| g.endpoints(e) == (putin, russia) && g.edge(e).relation == Relation::Leads).expect("leads");
    assert!(g.edge(leads).evidence.iter().any(|ev| ev.article == "second"), "{:?}", g.edge(leads).evidence);
}

#[test]
fn the_head_of_a_states_body_is_not_its_leader() {
    let first = "Talks\n\nUS President Joe Biden met Chilean President Ana Reyes.\n";
    let second = "Drone\n\nGeneral Mark Milley, the chairman of the US Joint Chiefs of Staff, told reporters there was an uptick.\n";
    let g = build(&[("first.txt", first), ("second.txt", second)]);
    let biden = node(&g, "Joe Biden", Kind::Actor);
    assert!(!g.node(biden).roles.iter().any(|r| r.contains("Joint Chiefs")), "{:?}", g.node(biden).roles);
}

#[test]
fn recognising_supports_but_recognised_as_or_by_does_not() {
    let text = "Talks\n\nVolodymyr Zelenskyy thanked Andrzej Duda for being among the first to recognize Ukraine's European perspective. \
                Chile recognised Hamas as a terrorist organisation. \
                The Rutte government backs Ukraine within its internationally recognised borders.\n";
    let g = build(&[("recognise.txt", text)]);
    assert!(has_edge(&g, node(&g, "Andrzej Duda", Kind::Actor), Relation::Supports, node(&g, "European integration", Kind::Issue)), "{:?}", names(&g));
    let hamas = node(&g, "Hamas", Kind::Actor);
    assert!(!has_edge(&g, node(&g, "Chile", Kind::Actor), Relation::Supports, hamas));
}

#[test]
fn a_leaders_title_names_the_body_led_and_a_given_name_starts_the_person() {
    let text = "Election\n\nLeader of Sinn Féin Mary Lou McDonald urged an early election.\n";
    let g = build(&[("leader.txt", text)]);
    let mcdonald = node(&g, "Mary Lou McDonald", Kind::Actor);
    assert!(has_edge(&g, mcdonald, Relation::Leads, node(&g, "Sinn Féin", Kind::Actor)), "{:?}", names(&g));
    assert!(has_edge(&g, mcdonald, Relation::PositionOn, node(&g, "elections", Kind::Issue)));
}

#[test]
fn ambassadors_and_advisers_serve_the_state_their_title_names() {
    let text = "Meetings\n\nVolodymyr Zelenskyy met with Ambassador of Georgia to Ukraine Teimuraz Sharashenidze. \
                The President received the credentials of the Ambassador of Japan, Kuninori Matsuda. \
                Andriy Yermak had a conversation with Jake Sullivan, the US National Security Advisor.\n";
    let g = build(&[("envoys.txt", text)]);
    for (person, state) in [("Teimuraz Sharashenidze", "Georgia"), ("Kuninori Matsuda", "Japan"), ("Jake Sullivan", "United States")] {
        assert!(has_edge(&g, node(&g, person, Kind::Actor), Relation::Represents, node(&g, state, Kind::Actor)), "{person}: {:?}", names(&g));
    }
    // The host state is no party the ambassador serves.
    let envoy = node(&g, "Teimuraz Sharashenidze", Kind::Actor);
    assert!(!g.node_ids().any(|t| g.node(t).name == "Ukraine" && has_edge(&g, envoy, Relation::Represents, t)));
}

#[test]
fn the_security_council_is_the_uns_only_where_the_article_names_the_un() {
    let readout = "Meeting\n\nVladimir Putin held a meeting with permanent members of the Security Council. \
                   The meeting was attended by Secretary of the Security Council Nikolai Patrushev, Defence Minister Sergei Shoigu.\n";
    let g = build(&[("readout.txt", readout)]);
    assert!(!names(&g).iter().any(|n| n.starts_with("UN Security Council")), "{:?}", names(&g));
    let council = node(&g, "Security Council", Kind::Actor);
    assert!(has_edge(&g, node(&g, "Nikolai Patrushev", Kind::Actor), Relation::Represents, council) || has_edge(&g, node(&g, "Nikolai Patrushev", Kind::Actor), Relation::Leads, council));
    assert!(!has_edge(&g, node(&g, "Sergei Shoigu", Kind::Actor), Relation::Represents, council));

    let un = "Vote\n\nThe United Nations met in New York. The Security Council condemned the attack.\n";
    let g = build(&[("un.txt", un)]);
    assert!(names(&g).iter().any(|n| n.starts_with("UN Security Council")), "{:?}", names(&g));
}

#[test]
fn the_two_countries_are_the_two_states_the_sentence_named() {
    let text = "Quake\n\nChile and Peru had earlier had poor relations, but the leaders of the two countries spoke by telephone on Friday night.\n";
    let g = build(&[("quake.txt", text)]);
    let (chile, peru) = (node(&g, "Chile", Kind::Actor), node(&g, "Peru", Kind::Actor));
    assert!(has_edge(&g, chile, Relation::NegotiatesWith, peru) || has_edge(&g, peru, Relation::NegotiatesWith, chile), "{:?}", names(&g));
}

#[test]
fn a_bracketed_note_in_a_transcript_label_still_changes_the_speaker() {
    let text = "Talks\n\nThe Kremlin hosted talks between Vladimir Putin and President of Vietnam Nguyen Xuan Phuc, who is in Russia on a working visit.\n\n\
                *** President of Russia Vladimir Putin: Comrade President, welcome. \
                President of Vietnam Nguyen Xuan Phuc (retranslated): Thank you. We support the Minsk agreements.\n";
    let g = build(&[("vietnam.txt", text)]);
    let minsk = node(&g, "Minsk agreements", Kind::Proposal);
    assert!(has_edge(&g, node(&g, "Nguyen Xuan Phuc", Kind::Actor), Relation::Supports, minsk), "{:?}", names(&g));
    let putin = node(&g, "Vladimir Putin", Kind::Actor);
    assert!(!has_edge(&g, putin, Relation::Supports, minsk));
    // A leader does not negotiate with the state he leads.
    assert!(!has_edge(&g, putin, Relation::NegotiatesWith, node(&g, "Russia", Kind::Actor)));
}

#[test]
fn praise_for_a_meeting_and_support_of_a_side_are_not_support_for_who_met_or_gave_it() {
    let text = "Call\n\nIhor Zhovkva had a telephone conversation with Eleni Sourani. \
                The interlocutors praised the results of the meeting of President of Ukraine Volodymyr Zelenskyy with Prime Minister of Greece Kyriakos Mitsotakis. \
                Ihor Zhovkva expressed hope for the continued support of the Greek side.\n\n\
                President of Ukraine Volodymyr Zelenskyy had a phone conversation with Alexander Lukashenko.\n";
    let g = build(&[("praise.txt", text)]);
    let zhovkva = node(&g, "Ihor Zhovkva", Kind::Actor);
    let zelenskyy = node(&g, "Volodymyr Zelenskyy", Kind::Actor);
    assert!(!has_edge(&g, zhovkva, Relation::Supports, zelenskyy), "{:?}", names(&g));
    assert!(!has_edge(&g, zhovkva, Relation::Supports, node(&g, "Greece", Kind::Actor)));
    // The giver of "the support of X for Y" supports Y.
    let wilson = build(&[("wilson.txt", "Talks\n\nDamon Wilson noted the struggle of Ukrainians and the support of the United States for Ukraine's efforts in this struggle.\n")]);
    assert!(has_edge(&wilson, node(&wilson, "United States", Kind::Actor), Relation::Supports, node(&wilson, "Ukraine", Kind::Actor)));
    // A known given name makes a person of a name the tagger read as an organisation.
    assert!(has_edge(&g, zelenskyy, Relation::NegotiatesWith, node(&g, "Alexander Lukashenko", Kind::Actor)));
}
