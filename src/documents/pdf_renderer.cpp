#include "documents/pdf_renderer.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "documents/pdf_layout.hpp"

namespace parcours::documents {

using namespace pdf;  // the layout engine's vocabulary: blocks, rows, styles (pdf_layout.hpp)

namespace {

std::string Plural(int n, std::string_view singular, std::string_view plural) {
    return std::to_string(n) + " " + std::string(n > 1 || n < -1 ? plural : singular);
}

std::string PresentCount(const usecases::MinutesData& m) {
    return Plural(m.members_present_or_represented, "membre présent ou représenté",
                  "membres présents ou représentés") +
           " sur " + std::to_string(m.members_in_office) + " en fonction";
}

}  // namespace

std::string CairoPdfRenderer::MinutesPdf(const usecases::MinutesData& m) {
    const std::string date(Trim(m.date));
    const std::string title =
        date.empty() ? "Procès-verbal de séance" : "Procès-verbal de la séance du " + date;
    PdfDocument document(title, m.commission);
    Composer c(document);

    Block& head = c.NewBlock(true);
    c.Paragraph(head, title, kTitle);
    if (!Trim(m.commission).empty()) c.Paragraph(head, Trim(m.commission), kSubheading, 6);
    constexpr double kLabel = 140;
    if (!Trim(m.place).empty()) c.Field(head, "Lieu :", Trim(m.place), kLabel).space_before = 12;
    if (!Trim(m.convocation_date).empty()) {
        c.Field(head, "Convocation :",
                std::string(Trim(m.convocation_date)) +
                    (m.second_convocation ? " (seconde convocation)" : ""),
                kLabel);
    }
    if (m.quorum_reached) {
        c.Paragraph(head, "Quorum atteint : " + PresentCount(m), kBody, 10);
    } else if (m.second_convocation) {
        c.Paragraph(head, "Quorum non atteint — séance tenue sur seconde convocation", kBody, 10);
        c.Paragraph(head, "(" + PresentCount(m) + ")", kBody, 2);
    } else {
        c.Paragraph(head, "Quorum non atteint : " + PresentCount(m), kBody, 10);
    }

    Block& attendance = c.NewBlock();
    c.Heading(attendance, "Présences", kHeading, 18);
    const std::vector<double> columns{130, 150, 110, kWidth - 390};
    if (m.attendance.empty()) {
        c.Paragraph(attendance, "Aucune présence n'a été enregistrée.", kBody, 2);
    } else {
        c.TableRow(attendance, {"Membre", "Qualité", "Organisme", "Présence"}, columns,
                   kTableHeader)
            .keep_with_next = true;
        for (const auto& a : m.attendance) {
            c.TableRow(
                attendance,
                {OrDash(a.name), OrDash(a.category), OrDash(a.organisation), OrDash(a.status)},
                columns, kTable);
        }
    }

    Block& items_heading = c.NewBlock();
    c.Heading(items_heading, "Demandes examinées", kHeading, 22);
    if (m.items.empty()) {
        c.Paragraph(items_heading, "Aucune demande n'a été examinée au cours de la séance.", kBody,
                    2);
    }
    constexpr double kItemLabel = 110;
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        const auto& item = m.items[i];
        Block& block = c.NewBlock(true);
        Row& header = c.Paragraph(block, std::to_string(i + 1) + ". " + OrDash(item.pseudonym),
                                  kSubheading, 14);
        header.rule_above = true;
        header.keep_with_next = true;
        header.space_after = 2;
        c.Field(block, "Nature :", OrDash(item.kind), kItemLabel);
        c.Field(block, "Association :", OrDash(item.association), kItemLabel);
        c.Field(block, "Avis :", OrDash(item.avis), kItemLabel);
        c.Field(block, "Votes :",
                "Pour : " + std::to_string(item.votes_for) +
                    " — Contre : " + std::to_string(item.votes_against) +
                    " — Abstentions : " + std::to_string(item.abstentions),
                kItemLabel);
        std::vector<std::string> recused;
        for (const auto& r : item.recused) {
            if (!Trim(r).empty()) recused.emplace_back(Trim(r));
        }
        c.Field(block, "Déports :", recused.empty() ? "Aucun" : JoinLines(recused), kItemLabel);
        if (!NonBlankLines(item.reasons).empty()) {
            c.Heading(block, "Motifs :", kBodyBold, 6).space_after = 0;
            c.Paragraphs(block, item.reasons, kProse, 4);
        }
    }

    Block& closing = c.NewBlock();
    const std::string generated_on(Trim(m.generated_on));
    c.Paragraph(closing,
                (generated_on.empty() ? "Document généré" : "Document généré le " + generated_on) +
                    " — pseudonymes uniquement",
                kNote, 28);
    return document.Render(c.Blocks());
}

std::string CairoPdfRenderer::DecisionLetterPdf(const usecases::DecisionLetterData& l) {
    std::string title(Trim(l.reference));
    if (title.empty()) title = Trim(l.subject);
    if (title.empty()) title = "Décision";
    PdfDocument document(title, l.subject);
    Composer c(document);
    constexpr double kHalf = kWidth / 2;

    Block& letter = c.NewBlock();
    if (!NonBlankLines(l.prefecture).empty()) {
        c.Paragraph(letter, JoinLines(NonBlankLines(l.prefecture)), kHeading, 0, 0, kWidth * 0.6);
    }
    if (!Trim(l.city_date).empty()) c.Paragraph(letter, Trim(l.city_date), kBodyRight, 18);
    if (!Trim(l.reference).empty()) c.Paragraph(letter, Trim(l.reference), kBody, 6);

    // The recipient, on the right half.
    double recipient_space = 24;
    if (!Trim(l.recipient_name).empty()) {
        c.Paragraph(letter, Trim(l.recipient_name), kBodyBold, recipient_space, kHalf, kHalf);
        recipient_space = 2;
    }
    const auto address = NonBlankLines(l.recipient_address);
    if (!address.empty()) {
        c.Paragraph(letter, JoinLines(address), kBody, recipient_space, kHalf, kHalf);
    }

    if (!Trim(l.subject).empty()) c.Paragraph(letter, Trim(l.subject), kBodyBold, 30);
    if (!Trim(l.association).empty()) {
        c.Paragraph(letter, "Association : " + std::string(Trim(l.association)), kBody, 10);
    }
    if (!Trim(l.avis).empty()) {
        c.Paragraph(letter, "Avis de la commission : " + std::string(Trim(l.avis)), kBody, 4);
    }
    double space = 16;
    for (const auto& paragraph : NonBlankLines(l.outcome_sentence)) {
        c.Paragraph(letter, paragraph, kProse, space);
        space = 6;
    }
    if (!Trim(l.period).empty()) {
        c.Paragraph(letter, "Période : " + std::string(Trim(l.period)), kBodyBold, 6);
    }
    if (!NonBlankLines(l.reasons).empty()) {
        c.Heading(letter, "Motifs :", kBodyBold, 16);
        c.Paragraphs(letter, l.reasons, kProse, 6);
    }
    if (!NonBlankLines(l.appeal_notice).empty()) {
        c.Heading(letter, "Voies et délais de recours :", kBodyBold, 16);
        c.Paragraphs(letter, l.appeal_notice, kProse, 6);
    }

    if (!NonBlankLines(l.signatory).empty()) {
        Block& signature = c.NewBlock(true);
        c.Paragraph(signature, JoinLines(NonBlankLines(l.signatory)), kBody, 36, kHalf, kHalf);
    }
    return document.Render(c.Blocks());
}

std::string CairoPdfRenderer::LeafletPdf(const usecases::LeafletData& l) {
    // Large type for reading in the street; pango finds the direction of each paragraph (Arabic
    // right to left) and falls back on a font that has the script (CJK) through fontconfig.
    constexpr Style kLeafletTitle{24, true, false, PANGO_ALIGN_LEFT, false};
    constexpr Style kLeafletLine{14, false, false, PANGO_ALIGN_LEFT, false};
    constexpr Style kLeafletContact{14, true, false, PANGO_ALIGN_LEFT, false};
    PdfDocument document(Trim(l.title), "Parcours de sortie de la prostitution (" + l.lang + ")");
    Composer c(document);
    Block& page = c.NewBlock(true);
    c.Paragraph(page, Trim(l.title), kLeafletTitle);
    double space = 24;
    for (const auto& line : l.lines) {
        if (Trim(line).empty()) continue;
        c.Paragraph(page, Trim(line), kLeafletLine, space);
        space = 12;
    }
    if (!Trim(l.contact).empty()) c.Paragraph(page, Trim(l.contact), kLeafletContact, 28);
    if (!Trim(l.footer).empty()) c.Paragraph(page, Trim(l.footer), kNote, 28);
    return document.Render(c.Blocks());
}

}  // namespace parcours::documents
