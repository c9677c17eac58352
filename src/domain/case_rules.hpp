#pragma once
// Rules on the case records: associations, persons, the criteria grid and assessments, demandes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/result.hpp"

namespace parcours::domain {

// SIRET: 14 digits with a valid Luhn key (INSEE); La Poste's establishments (SIREN 356000000)
// may instead have a digit sum that is a multiple of 5.
bool IsValidSiret(std::string_view siret);
// RNA (répertoire national des associations): "W" followed by 9 digits.
bool IsValidRna(std::string_view rna);

// The age band a person is shown in (lists, statistics): never the birth date.
std::string AgeBand(Date birth_date, Date today);
int AgeInYears(Date birth_date, Date today);

// Names folded for duplicate detection: upper case, accents and separators removed, words sorted
// ("Marie-José  N'Diaye" and "ndiaye marie jose" give the same key material).
std::string DuplicateKeyMaterial(std::string_view last_name,
                                 std::string_view first_names,
                                 Date birth_date);

// Closed code lists (the API's words), each with its French label.
struct Code {
    std::string_view code;
    std::string_view label;
};
std::vector<Code> SexOrGenderCodes();
std::vector<Code> AdministrativeStatusCodes();
std::vector<Code> ReferralSourceCodes();
std::vector<Code> AssessmentOutcomeCodes();
std::vector<Code> NotPresentedReasonCodes();
std::vector<Code> ActionDomainCodes();
std::vector<Code> ActionStatusCodes();
std::vector<Code> FollowupKindCodes();
std::vector<Code> AttachmentKindCodes();
// The person's situation (psp-domain.md §7): recorded when known, never required (CE 440802).
std::vector<Code> VictimisationFormCodes();
std::vector<Code> ExploitationSettingCodes();
// Where a person stands when the parcours ends, for the exit statistics ("unknown" allowed).
std::vector<Code> ExitHousingCodes();
std::vector<Code> ExitActivityCodes();
std::vector<Code> ExitResidenceTitleCodes();
std::vector<Code> ExitIncomeCodes();
struct CodeList {
    std::string_view key;
    std::vector<Code> codes;
};
// The four exit outcome fields (housing, activity, residence_title, income_source).
std::vector<CodeList> ExitOutcomeLists();
std::optional<std::string_view> LabelOf(const std::vector<Code>& codes, std::string_view code);

// The commission's criteria grid (recommended by IGAS 2019 and FAS 2025 to harmonise entries).
struct Criterion {
    std::string code;
    std::string label;
    std::string help;
    bool evidence_expected = false;
    bool blocking = false;
};

// The national default grid: the law's conditions (CASF L121-9 II).
std::vector<Criterion> NationalDefaultGrid();

// A filed complaint may be recorded, never required (CE, 19 Nov 2021, n° 440802).
Status CheckGrid(const std::vector<Criterion>& criteria);

enum class Answer { kMet, kNotMet, kUnknown };
struct CriterionAnswer {
    std::string code;
    Answer answer = Answer::kUnknown;
    std::string evidence;
};

// Every criterion answered once; "present" needs every blocking criterion met; a reason is
// required when the person is not presented.
Status CheckAssessment(const std::vector<Criterion>& grid,
                       const std::vector<CriterionAnswer>& answers,
                       std::string_view outcome,
                       const std::optional<std::string>& reason_code);

// What a demande still lacks before it can be submitted (R121-12-9 and the 2017 circular's
// annexes 6 and 7), in French; empty when complete.
struct DemandeContent {
    bool renewal = false;
    bool document_present = false;
    bool opinion_present = false;
    bool expected_results_present = false;
    bool achieved_results_present = false;
    bool sworn_statement = false;  // attached or declared
};
std::vector<std::string> MissingForSubmission(const DemandeContent& content);

}  // namespace parcours::domain
