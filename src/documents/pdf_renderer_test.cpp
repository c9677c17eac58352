#include "documents/pdf_renderer.hpp"
#include "documents/pdf_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace parcours::documents {
namespace {

using usecases::DecisionLetterData;
using usecases::MinutesAttendee;
using usecases::MinutesData;
using usecases::MinutesItem;

MinutesItem Item(std::string pseudonym, std::string avis, std::string reasons) {
    MinutesItem item;
    item.pseudonym = std::move(pseudonym);
    item.kind = "Demande initiale";
    item.association = "Association Le Nid";
    item.avis = std::move(avis);
    item.reasons = std::move(reasons);
    item.votes_for = 5;
    item.votes_against = 2;
    item.abstentions = 1;
    return item;
}

MinutesData SampleMinutes() {
    MinutesData m;
    m.commission = "Commission départementale — Haute-Garonne (31)";
    m.date = "25/11/2026";
    m.place = "Préfecture, salle Jean Moulin";
    m.convocation_date = "10/11/2026";
    m.quorum_reached = true;
    m.members_in_office = 12;
    m.members_present_or_represented = 7;
    m.attendance = {
        {"Mme Claire Dubois", "1° Magistrat de l'ordre judiciaire", "Tribunal judiciaire",
         "Présent"},
        {"M. Paul Martin", "2° Représentant des services de l'État", "", "Représenté par M. Roux"},
        {"Mme Sophie Bernard", "3° Association", "Amicale du Nid", "Excusé"},
    };
    MinutesItem first = Item("PSP-7F3A", "Favorable", "");
    MinutesItem second = Item("PSP-2B9C", "Défavorable",
                              "Le projet d'insertion n'est pas étayé.\nAucun justificatif de "
                              "domicile « récent » n'a été produit.");
    second.kind = "Renouvellement (période 2)";
    second.votes_for = 1;
    second.votes_against = 6;
    second.abstentions = 0;
    second.recused = {"Mme Sophie Bernard (accompagne la personne)"};
    m.items = {first, second};
    m.generated_on = "26/11/2026";
    return m;
}

DecisionLetterData SampleRefusal() {
    DecisionLetterData l;
    l.prefecture = "Préfecture de la Haute-Garonne";
    l.city_date = "Toulouse, le 25/11/2026";
    l.reference = "Décision n° 42";
    l.recipient_name = "Mme Awa Diallo";
    l.recipient_address = "12 rue des Lilas\n31000 Toulouse";
    l.association = "Association Le Nid";
    l.subject = "Objet : parcours de sortie de la prostitution — demande initiale";
    l.outcome = "refuse";
    l.outcome_sentence =
        "Votre demande d'engagement dans un parcours de sortie de la prostitution "
        "et d'insertion sociale et professionnelle est refusée.";
    l.avis = "avis défavorable de la commission du 25/11/2026";
    l.reasons = "Le projet d'insertion n'est pas étayé.";
    l.appeal_notice =
        "Cette décision peut faire l'objet d'un recours gracieux auprès du préfet "
        "ou d'un recours contentieux devant le tribunal administratif de Toulouse "
        "dans un délai de deux mois à compter de sa notification.";
    l.signatory = "Pour le préfet et par délégation,\nla secrétaire générale,\nAnne Lefèvre";
    return l;
}

DecisionLetterData SampleAuthorisation() {
    DecisionLetterData l = SampleRefusal();
    l.outcome = "autorise";
    l.outcome_sentence =
        "Vous êtes autorisée à vous engager dans un parcours de sortie de la "
        "prostitution et d'insertion sociale et professionnelle.";
    l.period = "du 01/12/2026 au 31/05/2027";
    l.avis = "avis favorable de la commission du 25/11/2026";
    l.reasons.clear();
    l.appeal_notice.clear();
    return l;
}

// A paragraph of about `words` words, numbered so that each can be found in the text.
std::string LongParagraph(int number, int words) {
    std::string text = "Motif " + std::to_string(number) + " :";
    for (int i = 0; i < words; ++i) text += " considérant";
    return text + " fin-" + std::to_string(number) + ".";
}

TEST(CairoPdfRenderer, MinutesHoldTheSessionAttendanceAndItems) {
    CairoPdfRenderer renderer;
    const std::string pdf = renderer.MinutesPdf(SampleMinutes());
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0U);
    const std::string text = PdfText(pdf);
    const std::string flat = Normalized(text);
    EXPECT_NE(flat.find("Procès-verbal de la séance du 25/11/2026"), std::string::npos) << text;
    EXPECT_NE(flat.find("Commission départementale — Haute-Garonne (31)"), std::string::npos);
    EXPECT_NE(flat.find("Préfecture, salle Jean Moulin"), std::string::npos);
    EXPECT_NE(flat.find("10/11/2026"), std::string::npos);
    EXPECT_NE(flat.find("Quorum atteint : 7 membres présents ou représentés sur 12 en fonction"),
              std::string::npos)
        << text;
    for (const char* name : {"Mme Claire Dubois", "M. Paul Martin", "Mme Sophie Bernard"}) {
        EXPECT_NE(text.find(name), std::string::npos) << name;
    }
    EXPECT_NE(text.find("Excusé"), std::string::npos);
    EXPECT_EQ(Count(text, "PSP-7F3A"), 1U);
    EXPECT_EQ(Count(text, "PSP-2B9C"), 1U);
    EXPECT_NE(text.find("Renouvellement (période 2)"), std::string::npos);
    EXPECT_NE(text.find("Favorable"), std::string::npos);
    EXPECT_NE(text.find("Défavorable"), std::string::npos);
    EXPECT_NE(flat.find("Pour : 1 — Contre : 6 — Abstentions : 0"), std::string::npos) << text;
    EXPECT_NE(flat.find("Pour : 5 — Contre : 2 — Abstentions : 1"), std::string::npos);
    EXPECT_NE(flat.find("Mme Sophie Bernard (accompagne la personne)"), std::string::npos);
    EXPECT_NE(flat.find("Le projet d'insertion n'est pas étayé."), std::string::npos);
    EXPECT_NE(flat.find("Aucun justificatif de domicile « récent » n'a été produit."),
              std::string::npos);
    EXPECT_NE(flat.find("Document généré le 26/11/2026 — pseudonymes uniquement"),
              std::string::npos);
    EXPECT_NE(text.find("Page 1 / 1"), std::string::npos);
    // The minutes never hold an identity beyond the members': the letter's recipient is absent.
    EXPECT_EQ(text.find("Diallo"), std::string::npos);
}

TEST(CairoPdfRenderer, MinutesSayWhenTheQuorumWasNotReached) {
    CairoPdfRenderer renderer;
    MinutesData m = SampleMinutes();
    m.quorum_reached = false;
    m.second_convocation = true;
    m.members_present_or_represented = 3;
    const std::string flat = Normalized(PdfText(renderer.MinutesPdf(m)));
    EXPECT_NE(flat.find("Quorum non atteint — séance tenue sur seconde convocation"),
              std::string::npos)
        << flat;
    EXPECT_EQ(flat.find("Quorum atteint"), std::string::npos);
}

TEST(CairoPdfRenderer, PdfMetadataTitleIsSet) {
    CairoPdfRenderer renderer;
    const std::string info = Poppler(renderer.MinutesPdf(SampleMinutes()), "pdfinfo", "");
    EXPECT_NE(info.find("Procès-verbal de la séance du 25/11/2026"), std::string::npos) << info;
    const std::string letter_info =
        Poppler(renderer.DecisionLetterPdf(SampleRefusal()), "pdfinfo", "");
    EXPECT_NE(letter_info.find("Décision n° 42"), std::string::npos) << letter_info;
    EXPECT_EQ(letter_info.find("Diallo"), std::string::npos);  // no identity in the metadata
}

TEST(CairoPdfRenderer, ManyItemsBreakPagesAndNumberThem) {
    CairoPdfRenderer renderer;
    MinutesData m = SampleMinutes();
    m.items.clear();
    for (int i = 0; i < 14; ++i) {
        m.items.push_back(Item("PSP-" + std::to_string(1000 + i),
                               i % 2 ? "Défavorable" : "Favorable",
                               "Premier motif de l'avis.\nSecond motif de l'avis."));
    }
    const std::string text = PdfText(renderer.MinutesPdf(m));
    const std::size_t pages = Count(text, "\f");  // pdftotext ends every page with a form feed
    ASSERT_GE(pages, 2U) << text;
    const std::string total = " / " + std::to_string(pages);
    EXPECT_NE(text.find("Page 1" + total), std::string::npos) << text;
    EXPECT_NE(text.find("Page " + std::to_string(pages) + total), std::string::npos);
    EXPECT_EQ(Count(text, "Page "), pages);
    for (int i = 0; i < 14; ++i) EXPECT_EQ(Count(text, "PSP-" + std::to_string(1000 + i)), 1U);
    EXPECT_EQ(Count(text, "Premier motif de l'avis."), 14U);
    EXPECT_EQ(Count(text, "Second motif de l'avis."), 14U);
    ExpectNothingClipped(renderer.MinutesPdf(m));
}

TEST(CairoPdfRenderer, EmptyMinutesStillMakeAOnePagePdf) {
    CairoPdfRenderer renderer;
    const std::string pdf = renderer.MinutesPdf(MinutesData{});
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0U);
    const std::string text = PdfText(pdf);
    EXPECT_NE(text.find("Page 1 / 1"), std::string::npos) << text;
    EXPECT_NE(text.find("pseudonymes uniquement"), std::string::npos);

    MinutesData sparse;
    sparse.attendance.push_back(MinutesAttendee{});
    sparse.items.push_back(MinutesItem{});
    sparse.items.back().recused = {"", "  "};
    EXPECT_EQ(renderer.MinutesPdf(sparse).rfind("%PDF-", 0), 0U);
}

TEST(CairoPdfRenderer, RefusalLetterHoldsRecipientReasonsAndAppeal) {
    CairoPdfRenderer renderer;
    const std::string pdf = renderer.DecisionLetterPdf(SampleRefusal());
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0U);
    const std::string text = PdfText(pdf);
    const std::string flat = Normalized(text);
    EXPECT_NE(text.find("Préfecture de la Haute-Garonne"), std::string::npos) << text;
    EXPECT_NE(text.find("Toulouse, le 25/11/2026"), std::string::npos);
    EXPECT_NE(text.find("Décision n° 42"), std::string::npos);
    EXPECT_NE(text.find("Mme Awa Diallo"), std::string::npos);
    EXPECT_NE(text.find("12 rue des Lilas"), std::string::npos);
    EXPECT_NE(text.find("31000 Toulouse"), std::string::npos);
    EXPECT_NE(flat.find("Objet : parcours de sortie de la prostitution — demande initiale"),
              std::string::npos);
    EXPECT_NE(flat.find("Association Le Nid"), std::string::npos);
    EXPECT_NE(flat.find("avis défavorable de la commission du 25/11/2026"), std::string::npos);
    EXPECT_NE(flat.find("professionnelle est refusée."), std::string::npos);
    EXPECT_NE(flat.find("Motifs :"), std::string::npos);
    EXPECT_NE(flat.find("Le projet d'insertion n'est pas étayé."), std::string::npos);
    EXPECT_NE(flat.find("Voies et délais de recours :"), std::string::npos);
    EXPECT_NE(flat.find("devant le tribunal administratif de Toulouse dans un délai de deux mois"),
              std::string::npos)
        << flat;
    EXPECT_NE(flat.find("Pour le préfet et par délégation,"), std::string::npos);
    EXPECT_NE(flat.find("Anne Lefèvre"), std::string::npos);
    EXPECT_NE(text.find("Page 1 / 1"), std::string::npos);
    // The city and date sit on the right half of the page.
    const auto words = Words(pdf);
    const auto date = std::find_if(words.begin(), words.end(),
                                   [](const Word& w) { return w.text == "25/11/2026"; });
    ASSERT_NE(date, words.end());
    EXPECT_GT(date->x_min, 595.28 / 2);
    ExpectNothingClipped(pdf);
}

TEST(CairoPdfRenderer, AuthorisationLetterHasPeriodAndNoReasonsNorAppeal) {
    CairoPdfRenderer renderer;
    const std::string flat = Normalized(PdfText(renderer.DecisionLetterPdf(SampleAuthorisation())));
    EXPECT_NE(flat.find("Mme Awa Diallo"), std::string::npos) << flat;
    EXPECT_NE(flat.find("Vous êtes autorisée"), std::string::npos);
    EXPECT_NE(flat.find("du 01/12/2026 au 31/05/2027"), std::string::npos);
    EXPECT_NE(flat.find("avis favorable de la commission du 25/11/2026"), std::string::npos);
    EXPECT_EQ(flat.find("Motifs"), std::string::npos);
    EXPECT_EQ(flat.find("Voies et délais de recours"), std::string::npos);
    EXPECT_EQ(flat.find("tribunal administratif"), std::string::npos);
    EXPECT_NE(flat.find("Page 1 / 1"), std::string::npos);
}

TEST(CairoPdfRenderer, LongReasonsFlowOverThreePages) {
    CairoPdfRenderer renderer;
    DecisionLetterData l = SampleRefusal();
    l.reasons.clear();
    constexpr int kParagraphs = 12;
    for (int i = 1; i <= kParagraphs; ++i) l.reasons += LongParagraph(i, 60) + "\n";
    const std::string pdf = renderer.DecisionLetterPdf(l);
    const std::string text = PdfText(pdf);
    EXPECT_EQ(Count(text, "\f"), 3U) << text;
    EXPECT_NE(text.find("Page 1 / 3"), std::string::npos) << text;
    EXPECT_NE(text.find("Page 2 / 3"), std::string::npos);
    EXPECT_NE(text.find("Page 3 / 3"), std::string::npos);
    const std::string flat = Normalized(text);
    for (int i = 1; i <= kParagraphs; ++i) {
        EXPECT_NE(flat.find("Motif " + std::to_string(i) + " :"), std::string::npos) << i;
        EXPECT_NE(flat.find("fin-" + std::to_string(i) + "."), std::string::npos) << i;
    }
    EXPECT_NE(flat.find("Voies et délais de recours :"), std::string::npos);
    EXPECT_NE(flat.find("Anne Lefèvre"), std::string::npos);
    EXPECT_EQ(Count(text, "considérant"), static_cast<std::size_t>(kParagraphs * 60));
    ExpectNothingClipped(pdf);
}

TEST(CairoPdfRenderer, VeryLongReasonsAndWordsAreNeitherLostNorClipped) {
    CairoPdfRenderer renderer;
    MinutesData m = SampleMinutes();
    // One paragraph of several pages, and a word far wider than the page.
    m.items[1].reasons = LongParagraph(1, 1500) + "\n" + std::string(400, 'W') + "\n" + "Dernier.";
    m.items[1].pseudonym = std::string(300, 'P');
    m.attendance[0].name = std::string(200, 'N');
    m.attendance[1].status = LongParagraph(2, 40);
    const std::string pdf = renderer.MinutesPdf(m);
    const std::string text = PdfText(pdf);
    const std::size_t pages = Count(text, "\f");
    EXPECT_GE(pages, 3U);
    EXPECT_NE(text.find("Page " + std::to_string(pages) + " / " + std::to_string(pages)),
              std::string::npos);
    EXPECT_EQ(Count(text, "considérant"), 1540U);
    EXPECT_NE(Normalized(text).find("Dernier."), std::string::npos);
    ExpectNothingClipped(pdf);

    DecisionLetterData l = SampleRefusal();
    l.recipient_name = std::string(250, 'R');
    l.city_date = std::string(250, 'C');
    l.reasons = std::string(5000, 'x');
    ExpectNothingClipped(renderer.DecisionLetterPdf(l));
}

TEST(CairoPdfRenderer, AccentsAndGuillemetsSurvive) {
    CairoPdfRenderer renderer;
    DecisionLetterData l = SampleRefusal();
    l.reasons = "Avis « Défavorable » rendu en Haute-Garonne : ça, où, œuvre, Ça, Élodie.";
    const std::string flat = Normalized(PdfText(renderer.DecisionLetterPdf(l)));
    EXPECT_NE(flat.find("Défavorable"), std::string::npos) << flat;
    EXPECT_NE(flat.find("Haute-Garonne"), std::string::npos);
    EXPECT_NE(flat.find("«"), std::string::npos);
    EXPECT_NE(flat.find("»"), std::string::npos);
    EXPECT_NE(flat.find("Avis « Défavorable » rendu en Haute-Garonne : ça, où, œuvre, Ça, Élodie."),
              std::string::npos);
    EXPECT_NE(flat.find("Préfecture"), std::string::npos);
    EXPECT_NE(flat.find("n° 42"), std::string::npos);
}

TEST(CairoPdfRenderer, InvalidUtf8AndMarkupAreRenderedAsText) {
    CairoPdfRenderer renderer;
    DecisionLetterData l = SampleRefusal();
    l.recipient_name = "Mme <b>Diallo</b> & Cie";
    l.reasons = std::string("Octets invalides : \xff\xfe fin.") + std::string(1, '\0') + "Après.";
    const std::string pdf = renderer.DecisionLetterPdf(l);
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0U);
    const std::string flat = Normalized(PdfText(pdf));
    EXPECT_NE(flat.find("Mme <b>Diallo</b> & Cie"), std::string::npos) << flat;
    EXPECT_NE(flat.find("Octets invalides"), std::string::npos);
    EXPECT_NE(flat.find("Après."), std::string::npos);
}

TEST(CairoPdfRenderer, EmptyLetterStillMakesAPdf) {
    CairoPdfRenderer renderer;
    const std::string pdf = renderer.DecisionLetterPdf(DecisionLetterData{});
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0U);
    EXPECT_NE(PdfText(pdf).find("Page 1 / 1"), std::string::npos);
}

TEST(CairoPdfRenderer, RendersFromSeveralThreadsAtOnce) {
    CairoPdfRenderer renderer;
    const std::string expected_minutes = PdfText(renderer.MinutesPdf(SampleMinutes()));
    const std::string expected_letter = PdfText(renderer.DecisionLetterPdf(SampleRefusal()));
    constexpr int kThreads = 4;
    std::vector<std::string> minutes(kThreads);
    std::vector<std::string> letters(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 3; ++i) {
                minutes[t] = renderer.MinutesPdf(SampleMinutes());
                letters[t] = renderer.DecisionLetterPdf(SampleRefusal());
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
        EXPECT_EQ(PdfText(minutes[t]), expected_minutes);
        EXPECT_EQ(PdfText(letters[t]), expected_letter);
    }
}

}  // namespace
}  // namespace parcours::documents
