// The partner network through HTTP on both engines (docs/api/partners.md): region scoping, edits
// in one's own département, search, yearly review alerts, CSV export and all-or-nothing import,
// links from parcours actions, and the public directory and leaflets.
#include "fixture.hpp"

namespace parcours::testing {
namespace {

using Json = nlohmann::json;

Json Partner(const std::string& name, const std::string& departement) {
    return {
        {"name", name},
        {"kind", "accommodation"},
        {"domains", {"housing", "health"}},
        {"departement", departement},
        {"address", {{"street", "12 rue du Port"}, {"postcode", "33000"}, {"city", "Bordeaux"}}},
        {"latitude", 44.8378},
        {"longitude", -0.5792},
        {"phone", "05 56 00 00 00"},
        {"email", "accueil@exemple.fr"},
        {"opening_hours", "lun.–ven. 9 h–17 h"},
        {"languages", {"fr", "ro"}},
        {"accepts_minors", false},
        {"accepts_men_trans", true},
        {"notes", "Demander la coordinatrice, Mme Durand."},
        {"public", false}};
}

class PartnersTest : public ApiTest {
  protected:
    void SetUp() override {
        ApiTest::SetUp();
        a33 = AddAssociation("Association de Gironde", "33");
        a13 = AddAssociation("Association des Bouches-du-Rhône", "13");
        instructor33 = TokenUser("i@33.fr", domain::Role::kPrefectureInstructor, {}, "33");
        instructor24 = TokenUser("i@24.fr", domain::Role::kPrefectureInstructor, {}, "24");
        instructor13 = TokenUser("i@13.fr", domain::Role::kPrefectureInstructor, {}, "13");
        admin33 = TokenUser("admin@a33.fr", domain::Role::kAssociationAdmin, a33);
        worker33 = TokenUser("w@a33.fr", domain::Role::kAssociationWorker, a33);
        worker13 = TokenUser("w@a13.fr", domain::Role::kAssociationWorker, a13);
    }

    long long Create(const std::string& token, const Json& body) {
        Reply r = Call("POST", "/api/v1/partners", token, body);
        EXPECT_EQ(r.status, 201) << r.raw;
        return r.body.value("id", 0LL);
    }

    long long a33 = 0, a13 = 0;
    std::string instructor33, instructor24, instructor13, admin33, worker33, worker13;
};

TEST_F(PartnersTest, ProfessionalsOfTheRegionReadAPartnerOthersGet404) {
    long long id = Create(instructor33, Partner("CHRS Les Tilleuls", "33"));
    Reply mine = Call("GET", "/api/v1/partners/" + std::to_string(id), worker33);
    ASSERT_EQ(mine.status, 200) << mine.raw;
    EXPECT_EQ(mine.body["kind_label"], "Hébergement (CHRS, résidence sociale…)");
    EXPECT_EQ(mine.body["departements"], Json({"33"}));
    EXPECT_EQ(mine.body["last_verified_on"], "2026-11-25");
    EXPECT_EQ(mine.body["last_verified_by"]["name"], "i@33.fr");
    EXPECT_EQ(mine.body["review_due"], false);
    EXPECT_EQ(mine.body["action_count"], 0);
    // Dordogne (24) is in the same region (Nouvelle-Aquitaine) as Gironde (33).
    EXPECT_EQ(Call("GET", "/api/v1/partners/" + std::to_string(id), instructor24).status, 200);
    // Bouches-du-Rhône (13) is not: the partner does not exist for them.
    for (const auto& stranger : {instructor13, worker13}) {
        Reply r = Call("GET", "/api/v1/partners/" + std::to_string(id), stranger);
        EXPECT_EQ(r.status, 404) << r.raw;
        EXPECT_EQ(r.raw.find("Tilleuls"), std::string::npos);
        EXPECT_EQ(Call("GET", "/api/v1/partners", stranger).body["total"], 0);
    }
    EXPECT_EQ(Call("GET", "/api/v1/partners/999999", worker33).status, 404);
    // A national analyst has no use for the directory.
    std::string national = TokenUser("n@x.fr", domain::Role::kAnalystNational);
    EXPECT_EQ(Call("GET", "/api/v1/partners", national).status, 404);
    // Covering 13 too makes it visible there.
    Json wider = Partner("CHRS Les Tilleuls", "33");
    wider["departements"] = {"33", "13"};
    ASSERT_EQ(Call("PUT", "/api/v1/partners/" + std::to_string(id), instructor33, wider).status,
              200);
    EXPECT_EQ(Call("GET", "/api/v1/partners/" + std::to_string(id), worker13).status, 200);
}

TEST_F(PartnersTest, OnlyTheDepartementsEditorsChangeAPartner) {
    long long id = Create(admin33, Partner("Permanence juridique", "33"));
    std::string path = "/api/v1/partners/" + std::to_string(id);
    // A worker reads it but does not edit it; the neighbouring département's instructor neither.
    Reply worker = Call("PUT", path, worker33, Partner("Renamed", "33"));
    EXPECT_EQ(worker.status, 403) << worker.raw;
    Reply neighbour = Call("PUT", path, instructor24, Partner("Renamed", "33"));
    EXPECT_EQ(neighbour.status, 403) << neighbour.raw;
    EXPECT_EQ(neighbour.body["error"]["field"], "departement");
    EXPECT_EQ(Call("POST", path + "/verify", instructor24, Json::object()).status, 403);
    EXPECT_EQ(Call("POST", "/api/v1/partners", worker33, Partner("X", "33")).status, 404);
    // Creating one for another département is refused.
    Reply elsewhere = Call("POST", "/api/v1/partners", admin33, Partner("Ailleurs", "24"));
    EXPECT_EQ(elsewhere.status, 403) << elsewhere.raw;
    // Archiving hides it from lists, from the page and from new action links.
    EXPECT_EQ(Send("DELETE", path, "", {{"Authorization", "Bearer " + instructor33}}).status, 204);
    EXPECT_EQ(Call("GET", "/api/v1/partners", worker33).body["total"], 0);
    EXPECT_EQ(Call("GET", path, worker33).status, 200);  // the parcours that used it still see it
    EXPECT_EQ(Call("GET", path, worker33).body["archived"], true);
}

TEST_F(PartnersTest, BadInputIsA422NamingTheFieldAndWritesNothing) {
    auto field_of = [&](Json body) {
        Reply r = Call("POST", "/api/v1/partners", instructor33, body);
        EXPECT_EQ(r.status, 422) << r.raw;
        return r.body["error"].value("field", "");
    };
    Json p = Partner("X", "33");
    p["kind"] = "brothel";
    EXPECT_EQ(field_of(p), "kind");
    p = Partner("X", "33");
    p["domains"] = {"housing", "astrology"};
    EXPECT_EQ(field_of(p), "domains[1]");
    p = Partner("X", "33");
    p["languages"] = {"fr", "ROU"};
    EXPECT_EQ(field_of(p), "languages[1]");
    p = Partner("X", "33");
    p.erase("longitude");
    EXPECT_EQ(field_of(p), "longitude");
    p = Partner("X", "33");
    p["latitude"] = 70.5;
    EXPECT_EQ(field_of(p), "latitude");
    p = Partner("X", "33");
    p["departements"] = {"33", "999"};
    EXPECT_EQ(field_of(p), "departements[1]");
    p = Partner("X", "33");
    p["email"] = "pas une adresse";
    EXPECT_EQ(field_of(p), "email");
    p = Partner("", "33");
    EXPECT_EQ(field_of(p), "name");
    p = Partner("X", "33");
    p["address"]["country"] = "FR";
    EXPECT_EQ(field_of(p), "address.country");
    Reply flag = Call("GET", "/api/v1/partners?review_due=1", instructor33);
    EXPECT_EQ(flag.status, 422);
    EXPECT_EQ(flag.body["error"]["field"], "review_due");
    p = Partner("X", "33");
    p["role"] = "admin";  // an unknown or privileged field is refused, not ignored
    EXPECT_EQ(field_of(p), "role");
    EXPECT_EQ(Call("GET", "/api/v1/partners", instructor33).body["total"], 0);
}

TEST_F(PartnersTest, SearchFiltersByDomainLanguageKindDepartementAndText) {
    Create(instructor33, Partner("CHRS Les Tilleuls", "33"));
    Json health = Partner("PASS de l'hôpital Saint-André", "33");
    health["kind"] = "health";
    health["domains"] = {"health"};
    health["languages"] = {"fr", "en", "bg"};
    Create(instructor33, health);
    Json dordogne = Partner("Interprètes du Périgord", "24");
    dordogne["kind"] = "interpreting";
    dordogne["domains"] = {"language"};
    dordogne["languages"] = {"fr", "ar"};
    Create(instructor24, dordogne);
    auto names = [&](const std::string& query) {
        Reply r = Call("GET", "/api/v1/partners" + query, worker33);
        EXPECT_EQ(r.status, 200) << r.raw;
        std::vector<std::string> out;
        for (const auto& i : r.body["items"]) out.push_back(i["name"]);
        return out;
    };
    EXPECT_EQ(names("").size(), 3u);  // the whole region, sorted by name
    EXPECT_EQ(names("?language=bg"), std::vector<std::string>{"PASS de l'hôpital Saint-André"});
    EXPECT_EQ(names("?domain=housing"), std::vector<std::string>{"CHRS Les Tilleuls"});
    EXPECT_EQ(names("?kind=interpreting"), std::vector<std::string>{"Interprètes du Périgord"});
    EXPECT_EQ(names("?departement=24"), std::vector<std::string>{"Interprètes du Périgord"});
    EXPECT_EQ(names("?q=PERIGORD"), std::vector<std::string>{"Interprètes du Périgord"});
    EXPECT_EQ(names("?q=hopital"), std::vector<std::string>{"PASS de l'hôpital Saint-André"});
    Reply outside = Call("GET", "/api/v1/partners?departement=13", worker33);
    EXPECT_EQ(outside.status, 422);
    EXPECT_EQ(outside.body["error"]["field"], "departement");
    EXPECT_EQ(Call("GET", "/api/v1/partners?language=roumain", worker33).status, 422);
}

TEST_F(PartnersTest, APartnerNotVerifiedForAYearIsFlaggedToItsDepartementsEditors) {
    long long id = Create(instructor33, Partner("CHRS Les Tilleuls", "33"));
    auto codes = [&](const std::string& token) {
        std::vector<std::string> out;
        Reply alerts = Call("GET", "/api/v1/alerts", token);
        for (const auto& a : alerts.body["items"]) {
            if (a["code"] == "partner_review_due") out.push_back(a["label"]);
        }
        return out;
    };
    auto verified_on = [&](const std::string& date) {
        auto uow = ports().storage.Begin();
        auto p = uow->Partners().FindPartner(id);
        p->last_verified_on = date;
        uow->Partners().UpdatePartner(*p);
        uow->Commit();
    };
    verified_on("2025-11-26");  // due tomorrow
    EXPECT_TRUE(codes(instructor33).empty());
    verified_on("2025-11-25");  // due today
    EXPECT_EQ(codes(instructor33), std::vector<std::string>{"CHRS Les Tilleuls"});
    EXPECT_EQ(codes(admin33), std::vector<std::string>{"CHRS Les Tilleuls"});
    EXPECT_TRUE(codes(worker33).empty());      // workers do not keep the directory
    EXPECT_TRUE(codes(instructor24).empty());  // the neighbour does not edit it
    Reply listed = Call("GET", "/api/v1/partners?review_due=true", worker33);
    EXPECT_EQ(listed.body["total"], 1);
    Reply verified =
        Call("POST", "/api/v1/partners/" + std::to_string(id) + "/verify", admin33, Json::object());
    ASSERT_EQ(verified.status, 200) << verified.raw;
    EXPECT_EQ(verified.body["review_due"], false);
    EXPECT_TRUE(codes(instructor33).empty());
}

TEST_F(PartnersTest, TheYearlyUpdateGoesThroughCsvAndAWrongLineWritesNothing) {
    long long id = Create(instructor33, Partner("CHRS Les Tilleuls", "33"));
    Create(instructor24, Partner("Ailleurs", "24"));  // not the 33 instructor's to export
    Reply csv = Call("GET", "/api/v1/partners/export.csv", instructor33);
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.raw.rfind("\xEF\xBB\xBF"
                            "id;nom;type;domaines;",
                            0),
              0u)
        << csv.raw;
    EXPECT_NE(
        csv.raw.find(std::to_string(id) + ";CHRS Les Tilleuls;accommodation;housing,health;33;33;"
                                          "12 rue du Port;33000;Bordeaux;44,8378;-0,5792;"),
        std::string::npos)
        << csv.raw;
    EXPECT_EQ(csv.raw.find("Ailleurs"), std::string::npos);
    std::string header = csv.raw.substr(3, csv.raw.find("\r\n") - 3);
    auto import = [&](const std::string& body) {
        return Send("POST", "/api/v1/partners/import", body,
                    {{"Authorization", "Bearer " + instructor33}, {"Content-Type", "text/csv"}});
    };
    // One line renames the partner, one adds a new one, one is wrong: nothing is written.
    std::string rename = std::to_string(id) +
                         ";CHRS Les Tilleuls (Bastide);accommodation;housing;33;33;;33100;"
                         "Bordeaux;;;;;;fr,ro;non;oui;;non;";
    std::string added =
        ";CIDFF de la Gironde;legal_aid;legal,rights;33;33,24;;33000;Bordeaux;"
        "44,84;-0,57;05 56 11 11 11;;;fr,es;non;oui;Rendez-vous le mardi;oui;";
    std::string wrong = ";Sans type;;housing;33;33;;;Bordeaux;;;;;;fr;peut-être;non;;non;";
    Reply refused = import(std::string("\xEF\xBB\xBF") + header + "\r\n" + rename + "\r\n" + added +
                           "\r\n" + wrong + "\r\n");
    ASSERT_EQ(refused.status, 422) << refused.raw;
    ASSERT_EQ(refused.body["error"]["errors"].size(), 1u) << refused.raw;
    EXPECT_EQ(refused.body["error"]["errors"][0]["line"], 4);
    EXPECT_EQ(refused.body["error"]["errors"][0]["field"], "mineurs");
    EXPECT_EQ(Call("GET", "/api/v1/partners", instructor33).body["total"], 2);
    EXPECT_EQ(Call("GET", "/api/v1/partners/" + std::to_string(id), instructor33).body["name"],
              "CHRS Les Tilleuls");
    Reply done = import(header + "\n" + rename + "\n" + added + "\n");
    ASSERT_EQ(done.status, 200) << done.raw;
    EXPECT_EQ(done.body, Json({{"created", 1}, {"updated", 1}}));
    Reply renamed = Call("GET", "/api/v1/partners/" + std::to_string(id), instructor33);
    EXPECT_EQ(renamed.body["name"], "CHRS Les Tilleuls (Bastide)");
    EXPECT_EQ(renamed.body["latitude"], nullptr);
    Reply found = Call("GET", "/api/v1/partners?q=CIDFF", instructor24);
    ASSERT_EQ(found.body["total"], 1);  // it covers 24 too
    EXPECT_EQ(found.body["items"][0]["longitude"], -0.57);
    // Another département's partner cannot be slipped into the import.
    Reply other = Call("GET", "/api/v1/partners?departement=24&kind=accommodation", instructor33);
    std::string foreign = std::to_string(other.body["items"][0]["id"].get<long long>()) +
                          ";Ailleurs;accommodation;housing;24;24;;;Périgueux;;;;;;fr;non;non;;non;";
    Reply stolen = import(header + "\n" + foreign + "\n");
    EXPECT_EQ(stolen.status, 422) << stolen.raw;
    EXPECT_EQ(stolen.body["error"]["errors"][0]["field"], "departement");
    EXPECT_EQ(Send("POST", "/api/v1/partners/import", header,
                   {{"Authorization", "Bearer " + instructor33}})
                  .status,
              415);
    // A file without every column of the export would erase what they hold: refused.
    Reply partial = import("id;nom;type;domaines;ville;langues\n" + std::to_string(id) +
                           ";CHRS;accommodation;housing;Bordeaux;fr\n");
    EXPECT_EQ(partial.status, 422) << partial.raw;
    EXPECT_EQ(partial.body["error"]["field"], "csv");
    // The same partner twice in one file.
    Reply twice = import(header + "\n" + rename + "\n" + rename + "\n");
    EXPECT_EQ(twice.status, 422) << twice.raw;
    EXPECT_EQ(twice.body["error"]["errors"][0]["line"], 3);
    EXPECT_EQ(twice.body["error"]["errors"][0]["field"], "id");
}

TEST_F(PartnersTest, AnExportNeverCarriesALiveSpreadsheetFormula) {
    Json planted = Partner("=HYPERLINK(\"http://exemple.invalid/\";\"Ouvrir\")", "33");
    planted["phone"] = "+33 5 56 00 00 00";
    long long id = Create(admin33, planted);
    Reply csv = Call("GET", "/api/v1/partners/export.csv", instructor33);
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.raw.find(";=HYPERLINK"), std::string::npos) << csv.raw;
    EXPECT_EQ(csv.raw.find(";\"=HYPERLINK"), std::string::npos) << csv.raw;
    EXPECT_NE(csv.raw.find("'=HYPERLINK"), std::string::npos) << csv.raw;
    EXPECT_NE(csv.raw.find(";'+33 5 56 00 00 00;"), std::string::npos) << csv.raw;
    // Imported back unchanged, the values are what was typed, without the apostrophe.
    Reply back = Send("POST", "/api/v1/partners/import", csv.raw,
                      {{"Authorization", "Bearer " + instructor33}, {"Content-Type", "text/csv"}});
    ASSERT_EQ(back.status, 200) << back.raw;
    Reply after = Call("GET", "/api/v1/partners/" + std::to_string(id), instructor33);
    EXPECT_EQ(after.body["name"], planted["name"]);
    EXPECT_EQ(after.body["phone"], "+33 5 56 00 00 00");
}

TEST_F(PartnersTest, ParcoursActionsLinkToPartnersAndThePartnerCountsThem) {
    long long id = Create(instructor33, Partner("CHRS Les Tilleuls", "33"));
    long long far = Create(instructor13, Partner("Loin", "13"));
    Reply person = Call("POST", "/api/v1/persons", worker33,
                        {{"identity",
                          {{"last_name", "Durand"},
                           {"first_names", "Ana"},
                           {"birth_date", "1990-01-01"},
                           {"nationality", "ROU"}}},
                         {"sex_or_gender", "female"},
                         {"administrative_status", "eu_citizen"}});
    ASSERT_EQ(person.status, 201) << person.raw;
    Reply parcours = Call("POST", "/api/v1/parcours", worker33, {{"person_id", person.body["id"]}});
    std::string doc =
        "/api/v1/parcours/" + std::to_string(parcours.body["id"].get<long long>()) + "/document";
    Json action = {{"domain", "housing"}, {"description", "Place en CHRS"}, {"partner_id", id}};
    Reply put = Call("PUT", doc, worker33,
                     {{"commitments", {{{"text", "x"}}}}, {"actions", {action, action}}});
    ASSERT_EQ(put.status, 201) << put.raw;
    EXPECT_EQ(put.body["actions"][0]["partner_name"], "CHRS Les Tilleuls");
    EXPECT_EQ(
        Call("GET", "/api/v1/partners/" + std::to_string(id), instructor24).body["action_count"],
        1);
    action["partner_id"] = far;
    Reply refused =
        Call("PUT", doc, worker33, {{"commitments", Json::array()}, {"actions", {action}}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(refused.body["error"]["field"], "actions[0].partner_id");
    // Archived later, the partner stays on the document that already links to it.
    action["partner_id"] = id;
    ASSERT_EQ(
        Call("PUT", doc, worker33, {{"commitments", Json::array()}, {"actions", {action}}}).status,
        201);
    ASSERT_EQ(Send("DELETE", "/api/v1/partners/" + std::to_string(id), "",
                   {{"Authorization", "Bearer " + instructor33}})
                  .status,
              204);
    Reply kept =
        Call("PUT", doc, worker33, {{"commitments", Json::array()}, {"actions", {action}}});
    EXPECT_EQ(kept.status, 201) << kept.raw;
    // A new version without the link: the count follows the latest document.
    action.erase("partner_id");
    ASSERT_EQ(
        Call("PUT", doc, worker33, {{"commitments", Json::array()}, {"actions", {action}}}).status,
        201);
    EXPECT_EQ(
        Call("GET", "/api/v1/partners/" + std::to_string(id), instructor33).body["action_count"],
        0);
}

TEST_F(PartnersTest, ThePublicDirectoryShowsOnlyPublicAssociationsAndNeverANote) {
    Json shown = Partner("Amicale du Nid 33", "33");
    shown["kind"] = "approved_association";
    shown["public"] = true;
    Create(instructor33, shown);
    Json hidden = shown;
    hidden["name"] = "Association discrète";
    hidden["public"] = false;
    Create(instructor33, hidden);
    Json chrs = Partner("CHRS public", "33");
    chrs["public"] = true;  // public, but not an approved association
    Create(instructor33, chrs);
    Reply r = Get("/api/v1/public/associations?departement=33");
    ASSERT_EQ(r.status, 200) << r.raw;
    EXPECT_EQ(r.body, Json::parse(R"({"items": [{"name": "Amicale du Nid 33", "city": "Bordeaux",
        "phone": "05 56 00 00 00", "languages": ["fr", "ro"], "departement": "33"}]})"));
    EXPECT_EQ(r.raw.find("coordinatrice"), std::string::npos);
    EXPECT_EQ(r.headers.count("Set-Cookie"), 0u);
    EXPECT_EQ(Get("/api/v1/public/associations?departement=24").body["items"].size(), 0u);
    EXPECT_EQ(Get("/api/v1/public/associations").body["items"].size(), 1u);
    EXPECT_EQ(Get("/api/v1/public/associations?departement=99").status, 422);
}

TEST_F(PartnersTest, TheLeafletOfEachLanguageIsAPublicPdf) {
    for (const char* lang : {"fr", "en", "es", "pt", "ro", "bg", "ar", "zh"}) {
        Reply r = Get(std::string("/api/v1/public/info/") + lang + "/leaflet.pdf");
        EXPECT_EQ(r.status, 200) << lang;
        EXPECT_EQ(r.raw.rfind("%PDF-", 0), 0u) << lang;
        EXPECT_EQ(r.headers.count("Set-Cookie"), 0u);
    }
    EXPECT_EQ(Get("/api/v1/public/info/xx/leaflet.pdf").status, 404);
}

}  // namespace
}  // namespace parcours::testing
