// `parcours user add|disable|list` and `parcours token create|revoke|list`: staff accounts and
// the API tokens scripts use.
#include "cli/account_commands.hpp"

#include <iostream>
#include <memory>

#include "cli/app.hpp"
#include "domain/role.hpp"
#include "usecases/accounts.hpp"

namespace parcours::cli {

namespace {

struct AccountOptions {
    usecases::NewUser new_user;
    long long association = 0;
    std::string departement;
    std::string region;
    bool password_stdin = false;
    std::string email;
    int days = 90;
    std::string label;
    long long token_id = 0;
};

std::string ScopeOf(const usecases::UserRecord& u) {
    if (u.association_id) return "association " + std::to_string(*u.association_id);
    if (u.departement) return "departement " + *u.departement;
    if (u.region) return "region " + *u.region;
    return "-";
}

std::string ReadPasswordFromStdin() {
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
}

}  // namespace

void AddAccountCommands(CLI::App& app, Options& o, std::function<int()>& action) {
    auto opt = std::make_shared<AccountOptions>();
    auto* user = app.add_subcommand("user", "Manage staff accounts");
    user->require_subcommand(1);
    auto* user_add = user->add_subcommand("add", "Create an account");
    AddCommon(user_add, o);
    user_add->add_option("--email", opt->new_user.email, "E-mail (the login)")->required();
    std::string roles;
    for (auto r : domain::kAllRoles)
        roles += std::string(roles.empty() ? "" : ", ") + std::string(domain::RoleName(r));
    user_add->add_option("--role", opt->new_user.role, "One of: " + roles)->required();
    user_add->add_option("--name", opt->new_user.display_name, "Name shown in the application");
    user_add->add_option("--association", opt->association, "Association id (association roles)");
    user_add->add_option("--departement", opt->departement,
                         "INSEE département code (prefecture, commission, signatory roles)");
    user_add->add_option("--region", opt->region, "INSEE region code (analyst_regional)");
    user_add->add_flag("--password-stdin", opt->password_stdin,
                       "Read the password from standard input (else a one-time one is printed)");
    user_add->callback([&o, &action, opt] {
        action = [&o, opt] {
            if (opt->association != 0) opt->new_user.association_id = opt->association;
            if (!opt->departement.empty()) opt->new_user.departement = opt->departement;
            if (!opt->region.empty()) opt->new_user.region = opt->region;
            if (opt->password_stdin) opt->new_user.password = ReadPasswordFromStdin();
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            auto created = Check(usecases::AddUser(a.ports(), opt->new_user, kCliMeta, Now()));
            std::cout << "user " << created.user.id << " created: " << created.user.email << " ("
                      << domain::RoleName(created.user.role) << ")\n";
            if (created.one_time_password) {
                std::cout << "One-time password (to change at first login):\n"
                          << *created.one_time_password << "\n";
            }
            return 0;
        };
    });

    auto* user_disable = user->add_subcommand("disable", "Disable an account and end its sessions");
    AddCommon(user_disable, o);
    user_disable->add_option("--email", opt->email, "E-mail of the account")->required();
    user_disable->callback([&o, &action, opt] {
        action = [&o, opt] {
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            auto found = Check(usecases::FindUserByEmailForCli(a.ports(), opt->email));
            Check(usecases::DisableUser(a.ports(), std::nullopt, found.id, kCliMeta, Now()));
            std::cout << "user " << found.id << " disabled; sessions and tokens revoked\n";
            return 0;
        };
    });

    auto* user_list = user->add_subcommand("list", "List the accounts");
    AddCommon(user_list, o);
    user_list->callback([&o, &action, opt] {
        action = [&o, opt] {
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            auto users =
                Check(usecases::ListUsers(a.ports(), std::nullopt, 100000, 0, kCliMeta, Now()));
            std::cout << "id\temail\trole\tscope\tstatus\n";
            for (const auto& u : users) {
                std::cout << u.id << '\t' << u.email << '\t' << domain::RoleName(u.role) << '\t'
                          << ScopeOf(u) << '\t' << (u.disabled_at ? "disabled" : "active") << '\n';
            }
            return 0;
        };
    });

    auto* token = app.add_subcommand("token", "Manage API tokens for scripts");
    token->require_subcommand(1);
    auto* token_create =
        token->add_subcommand("create", "Create a token (printed once, last line)");
    AddCommon(token_create, o);
    token_create->add_option("--email", opt->email, "Account the token acts as")->required();
    token_create->add_option("--days", opt->days, "Validity in days (1-366)")->default_val(90);
    token_create->add_option("--label", opt->label, "What the token is for")->default_val("api");
    token_create->callback([&o, &action, opt] {
        action = [&o, opt] {
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            auto created = Check(usecases::CreateApiToken(a.ports(), opt->email, opt->days,
                                                          opt->label, kCliMeta, Now()));
            std::cout << "token " << created.record.id << " for " << opt->email << ", expires "
                      << created.record.expires_at << "\n"
                      << created.token << "\n";
            return 0;
        };
    });
    auto* token_revoke = token->add_subcommand("revoke", "Revoke a token");
    AddCommon(token_revoke, o);
    token_revoke->add_option("--id", opt->token_id, "Token id (see token list)")->required();
    token_revoke->callback([&o, &action, opt] {
        action = [&o, opt] {
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            Check(usecases::RevokeApiToken(a.ports(), opt->token_id, kCliMeta, Now()));
            std::cout << "token " << opt->token_id << " revoked\n";
            return 0;
        };
    });
    auto* token_list = token->add_subcommand("list", "List an account's tokens");
    AddCommon(token_list, o);
    token_list->add_option("--email", opt->email, "Account")->required();
    token_list->callback([&o, &action, opt] {
        action = [&o, opt] {
            App a(Resolve(o), SchemaMode::kRequireCurrent);
            std::cout << "id\tlabel\tcreated\texpires\tstatus\n";
            for (const auto& t : Check(usecases::ListApiTokens(a.ports(), opt->email))) {
                std::cout << t.id << '\t' << t.label << '\t' << t.created_at << '\t' << t.expires_at
                          << '\t' << (t.revoked_at ? "revoked" : "active") << '\n';
            }
            return 0;
        };
    });
}

}  // namespace parcours::cli
