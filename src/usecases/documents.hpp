#pragma once
// The documents Parcours prints: the minutes of a commission session (procès-verbal) and the
// préfet's decision letter. The use cases fill these plain structures (dates already formatted
// JJ/MM/AAAA, labels already in French); a renderer turns them into PDF bytes.
#include <string>
#include <variant>
#include <vector>

namespace parcours::usecases {

struct MinutesAttendee {
    std::string name;
    std::string category;      // "1° Magistrat de l'ordre judiciaire", ...
    std::string organisation;  // may be empty
    std::string status;        // "Présent", "Représenté par …", "Absent", "Excusé"
};

struct MinutesItem {
    std::string pseudonym;  // never an identity
    std::string kind;       // "Demande initiale", "Renouvellement (période 2)"
    std::string association;
    std::string avis;     // "Favorable", "Défavorable", "Ajourné", or "Sans avis"
    std::string reasons;  // may be empty; may hold several paragraphs separated by '\n'
    int votes_for = 0;
    int votes_against = 0;
    int abstentions = 0;
    std::vector<std::string> recused;  // members who did not take part, with the reason
};

struct MinutesData {
    std::string commission;        // "Commission départementale … — Haute-Garonne (31)"
    std::string date;              // JJ/MM/AAAA
    std::string place;             // place, or "Visioconférence"
    std::string convocation_date;  // JJ/MM/AAAA or empty
    bool second_convocation = false;
    bool quorum_reached = false;
    int members_in_office = 0;
    int members_present_or_represented = 0;
    std::vector<MinutesAttendee> attendance;
    std::vector<MinutesItem> items;
    std::string generated_on;  // JJ/MM/AAAA
};

struct DecisionLetterData {
    std::string prefecture;         // "Préfecture de la Haute-Garonne"
    std::string city_date;          // "Toulouse, le 25/11/2026" or "Le 25/11/2026"
    std::string reference;          // "Décision n° 42"
    std::string recipient_name;     // the person's identity: only on the letter itself
    std::string recipient_address;  // may hold several lines separated by '\n'; may be empty
    std::string association;        // the association that accompanies the person
    std::string subject;            // "Objet : parcours de sortie de la prostitution — …"
    std::string outcome;  // "autorise", "refuse", "renouvele", "non_renouvele", "fin_anticipee"
    std::string outcome_sentence;  // the operative sentence, in French
    std::string period;            // "du 01/12/2026 au 31/05/2027" or empty
    std::string avis;              // the commission's avis and its date, in French
    std::string reasons;           // may be empty for a favourable decision
    std::string appeal_notice;     // how and within what time to appeal; empty when favourable
    std::string signatory;         // "Pour le préfet et par délégation, …"
};

// The one-page leaflet of the public information, in one language, for outreach teams.
struct LeafletData {
    std::string lang;  // "fr", "ar", …: the PDF's language
    bool right_to_left = false;
    std::string title;
    std::vector<std::string> lines;  // short sentences, one paragraph each
    std::string contact;
    std::string footer;  // where to read more (the /info address)
};

class DocumentRenderer {
  public:
    virtual ~DocumentRenderer() = default;
    virtual std::string MinutesPdf(const MinutesData& minutes) = 0;
    virtual std::string DecisionLetterPdf(const DecisionLetterData& letter) = 0;
    virtual std::string LeafletPdf(const LeafletData& leaflet) = 0;
};

// A spreadsheet: sheets of rows under one frozen header row. A cell is text, a number or empty.
using SheetCell = std::variant<std::monostate, std::string, double>;

struct Sheet {
    std::string name;  // at most 31 characters, no []:*?/\ (Excel's rule)
    std::vector<std::string> headers;
    std::vector<double> column_widths;  // in characters; may be shorter than headers
    std::vector<std::vector<SheetCell>> rows;
};

struct Workbook {
    std::string title;  // document properties
    std::vector<Sheet> sheets;
};

class SpreadsheetWriter {
  public:
    virtual ~SpreadsheetWriter() = default;
    virtual std::string Xlsx(const Workbook& workbook) = 0;  // the .xlsx bytes
};

}  // namespace parcours::usecases
