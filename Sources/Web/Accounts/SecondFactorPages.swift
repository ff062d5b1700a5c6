import Markup
import Accounts
import Plot

/// The second factor: asking for the code at sign-in, and setting it up with an authenticator app.
enum SecondFactorPages {
    static func code(error: String?, csrf: String, site: SiteServices) -> String {
        let meta = PageMeta(title: "Tweede stap", description: "De code uit uw authenticator-app.", path: AccountPaths.secondFactor(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Tweede stap")),
            .p(.safeText("Open de authenticator-app op uw telefoon en vul de code van zes cijfers in die bij Weerbaar staat.")),
            .p(.safeText("Telefoon kwijt? Vul dan een van de herstelcodes in die u bij het instellen kreeg (tien tekens, zoals abcde-fghjk).")),
            .form(.class("portal-form"), .action(AccountPaths.secondFactor()), .method(.post),
                  PortalFields.csrf(csrf),
                  codeField(error: error, label: "Code uit de app of herstelcode"),
                  .button(.type(.submit), .class("button"), .safeText("Inloggen")))))
    }

    static func setup(secret: String, account: Account, error: String?, csrf: String, site: SiteServices) -> String {
        let meta = PageMeta(title: "Tweede stap instellen", description: "Stel de tweede stap in.", path: AccountPaths.secondFactorSetup(), noIndex: true)
        let grouped = stride(from: 0, to: secret.count, by: 4).map { start -> String in
            let from = secret.index(secret.startIndex, offsetBy: start)
            return String(secret[from..<secret.index(from, offsetBy: min(4, secret.count - start))])
        }.joined(separator: " ")
        let uri = TOTP.provisioningURI(secret: Base32.decode(secret) ?? [], account: account.email)
        // The QR code is drawn here, as SVG in the page: the secret never leaves for an image service.
        let qr = (try? QRCode(text: uri, correction: .medium))?.svg(label: "QR-code om Weerbaar aan uw authenticator-app toe te voegen")
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Tweede stap instellen")),
            .if(account.role.requiresSecondFactor && !account.hasSecondFactor,
                .div(.class("notice notice--info"), .role("status"),
                     .p(.safeText("Voor beheerders is een tweede stap verplicht. Stel die nu in; daarna kunt u verder.")))),
            .ol(.class("steps"),
                .li(.safeText("Installeer een authenticator-app op uw telefoon, als u die nog niet heeft (bijvoorbeeld de app van uw organisatie, of een vrije app als FreeOTP of Aegis).")),
                .unwrap(qr) { svg in
                    .li(.safeText("Scan met de app deze QR-code:"),
                        .div(.class("qr-code"), .raw(svg)))
                },
                .li(.safeText(qr == nil ? "Kies in de app voor een account toevoegen met een sleutel, en vul deze sleutel in: "
                                        : "Lukt scannen niet? Kies dan in de app voor een account toevoegen met een sleutel, en vul deze sleutel in: "),
                    .code(.class("secret"), .safeText(grouped)),
                    .safeText(". Of open op de telefoon deze link: "),
                    .a(.href(esc(uri)), .safeText("toevoegen aan de app")),
                    .safeText(".")),
                .li(.safeText("Vul de code van zes cijfers in die de app daarna toont."))),
            .form(.class("portal-form"), .action(AccountPaths.secondFactorSetup()), .method(.post),
                  PortalFields.csrf(csrf),
                  .input(.type(.hidden), .name("geheim"), .value(esc(secret))),
                  codeField(error: error),
                  .button(.type(.submit), .class("button"), .safeText("Tweede stap aanzetten")))))
    }

    /// Right after setting up: the recovery codes, shown this once.
    static func recoveryCodes(_ codes: [String], site: SiteServices) -> String {
        let meta = PageMeta(title: "Uw herstelcodes", description: "Bewaar deze herstelcodes.", path: AccountPaths.secondFactorSetup(), noIndex: true)
        return Layout.render(meta, site: site, content: .group(
            .h1(.safeText("Uw herstelcodes")),
            .div(.class("notice notice--info"), .role("status"),
                 .p(.safeText("De tweede stap staat aan."))),
            .p(.safeText("Raakt u uw telefoon kwijt, dan logt u in met een van deze codes in plaats van de code uit de app. "
                + "Elke code werkt één keer. Bewaar ze op een veilige plek, bijvoorbeeld in uw wachtwoordkluis of op papier. "
                + "U ziet ze alleen nu: Weerbaar bewaart ze niet leesbaar.")),
            .ol(.class("recovery-codes"), .forEach(codes) { .li(.code(.safeText($0))) }),
            .p(.safeText("Stelt u de tweede stap later opnieuw in, dan krijgt u nieuwe codes en werken deze niet meer.")),
            .p(.a(.class("button"), .href(PortalPaths.dashboard(query: DashboardFlash.secondFactorOn)), .safeText("Ik heb de codes bewaard")))))
    }

    static func codeField(error: String?, label: String = "Code uit de app") -> Node<HTML.FormContext> {
        .div(.class(error == nil ? "field" : "field field--error"),
             .label(.for("code"), .safeText(label)),
             .unwrap(error) { .p(.id("code-fout"), .class("field__error"), .safeText($0)) },
             error == nil
                ? .input(.type(.text), .id("code"), .name("code"), .attr("inputmode", "numeric"), .attr("autocomplete", "one-time-code"),
                         .attr("maxlength", "16"), .attr("required", "required"))
                : .input(.type(.text), .id("code"), .name("code"), .attr("inputmode", "numeric"), .attr("autocomplete", "one-time-code"),
                         .attr("maxlength", "16"), .attr("required", "required"), .aria("describedby", "code-fout"), .aria("invalid", "true")))
    }
}
