/// The texts of the pages every Dutch government site has. Markdown as `SafeMarkdown` reads it, with
/// `## ` starting a section; placeholders in square brackets are for the organisation that runs the
/// platform to fill in. Written for this platform; nothing here is copied from elsewhere.
enum AboutTexts {
    static let about = (title: "Over Weerbaar", description: "Weerbaar brengt het landelijke aanbod voor gemeenten over polarisatie, radicalisering, extremisme en maatschappelijke onrust samen op één plek.", markdown: #"""
## Wat is Weerbaar?

Weerbaar is een website voor gemeenten. U vindt hier het landelijke aanbod over polarisatie, radicalisering, extremisme, maatschappelijke onrust en vertrouwen. Het gaat om drie soorten aanbod:

- publicaties, zoals handreikingen;
- trainingen en workshops;
- contactpunten, zoals een vraagbaak waar u met een vraag terechtkunt.

Alles staat op één plek en is in het Nederlands te doorzoeken. Op /aanbod filtert u op thema, doelgroep en vorm. In de vraagwijzer op /vraagwijzer beschrijft u uw situatie in een zin. U krijgt dan het best passende aanbod om te lezen, te leren en contact op te nemen. Zo vindt u snel wat past bij de vraag op uw bureau.

## Voor wie?

Weerbaar is er voor iedereen die in of voor een gemeente werkt aan deze onderwerpen:

- beleidsmedewerkers en andere ambtenaren van gemeenten;
- burgemeesters en wethouders;
- jongerenwerkers en sociaal werkers.

## Van wie is het aanbod?

Het aanbod komt van landelijke partners. Denk aan de VNG, het ministerie van BZK, het ministerie van JenV en de NCTV, de Expertise-unit Sociale Stabiliteit van het ministerie van SZW, Platform JEP en andere organisaties. Bij elk aanbod staat welke organisatie het aanbiedt. Op de pagina van een aanbod vindt u ook hoe u die organisatie bereikt.

## Wat Weerbaar niet is

Weerbaar is een wegwijzer. Wij zijn zelf geen helpdesk en geven geen advies over een situatie in uw gemeente. Wij verwijzen u naar de partner die u verder kan helpen. Heeft u een vraag over een training, publicatie of contactpunt? Neem dan contact op met de aanbieder. Hoe u ons bereikt over de website zelf, leest u op /contact.

## Hoe blijft het aanbod actueel?

- Partners houden hun eigen aanbod bij. Elke partner past zijn aanbod zelf aan in het beheer op /beheer. Een partner kan alleen het aanbod van de eigen organisatie wijzigen.
- De redactie kijkt mee. Nieuw en gewijzigd aanbod gaat in de regel eerst langs de redactie van Weerbaar. Pas daarna komt het op de site.
- Elk jaar een controle. Elk aanbod heeft een datum waarop de partner het opnieuw moet controleren, in de regel één keer per jaar. Partners krijgen op maandag een e-mail als er aanbod te controleren is. Aanbod dat lang niet is gecontroleerd, komt lager in de zoekresultaten.
- Alle versies worden bewaard. Bij elke wijziging houden we bij wat er veranderde.

## Op de hoogte blijven

Met de nieuwsbrief WeerbaarNL hoort u wat er nieuw is. U meldt zich aan op /nieuwsbrief. Eerdere nieuwsbrieven leest u in het archief op /nieuwsbrief/archief. Bij een zoekopdracht op /aanbod kunt u ook kiezen voor „Houd mij op de hoogte”. U krijgt dan een e-mail als er nieuw aanbod bij die zoekopdracht komt.

## Let op: dit is een voorbeeldversie

Deze installatie van Weerbaar toont voorbeeldgegevens (demo). Het aanbod, de aanbieders en de nieuwsbrieven die u hier ziet, zijn bedoeld om te laten zien hoe het platform werkt. Ze kunnen afwijken van het echte aanbod van de partners. Gebruik deze gegevens dus niet voor uw werk. Kijk voor het actuele aanbod bij de partner zelf.

## Wie beheert Weerbaar?

Weerbaar wordt beheerd door [naam van de beheerder]. Hoe wij met uw gegevens omgaan, leest u op /privacy. Hoe toegankelijk de site is, leest u op /toegankelijkheid.
"""#)

    static let privacy = (title: "Privacyverklaring", description: "Welke gegevens Weerbaar bewaart, waarom, hoe lang, en welke rechten u heeft.", markdown: #"""
## In het kort

Weerbaar bewaart zo weinig mogelijk gegevens. Wij gebruiken geen trackingcookies, geen bezoekersstatistieken en geen scripts van andere partijen.

## Wie is verantwoordelijk?

- Verwerkingsverantwoordelijke: [naam van de organisatie], [adres van de beheerder]
- Contact voor privacyvragen: [e-mailadres voor privacyvragen]
- Functionaris gegevensbescherming (FG): [contactgegevens van de FG]
- Verwerkers, zoals hosting en e-maildienst: [in te vullen]

## Nieuwsbrief WeerbaarNL

We bewaren uw e-mailadres en, als u die opgeeft, uw naam, organisatie en thema's. Ook bewaren we wanneer en op welke pagina u zich aanmeldde en wanneer u bevestigde. Uw IP-adres en browser bewaren we niet. We gebruiken de gegevens alleen voor de nieuwsbrief en delen ze met niemand. De grondslag is uw toestemming (artikel 6, lid 1, onder a AVG).

- Eerst bevestigen: we sturen pas iets nadat u uw aanmelding bevestigt. Bevestigt u niet binnen zeven dagen, dan wissen we de aanmelding.
- Zelf regelen: via de link in elke nieuwsbrief wijzigt of downloadt u uw gegevens.
- Afmelden is wissen: meldt u zich af, dan wissen we al uw gegevens. We tellen alleen hoeveel mensen zich afmeldden, niet wie.
- Bezorging: van elke verstuurde nieuwsbrief houden we dertig dagen bij naar welk adres hij ging en of dat lukte. Daarna wissen we het adres.

{{zonder-kliktelling}}We meten niet of u een nieuwsbrief opent of op links klikt. We tellen alleen hoeveel berichten zijn afgeleverd of geweigerd.

{{met-kliktelling}}We meten niet of u een nieuwsbrief opent. We tellen hoe vaak op elke link is geklikt, per link en niet per lezer. We bewaren niet wie, wanneer of vanaf welk apparaat er klikte.

## Attenderingen

Vraagt u bij een zoekopdracht om op de hoogte te blijven, dan bewaren we ook die zoekopdracht, hoe vaak u een e-mail wilt en welk aanbod u al kreeg. Ook dit is op basis van uw toestemming. Met de link in elke e-mail stopt u de attendering. Stopt u de laatste en krijgt u geen nieuwsbrief, dan wissen we uw gegevens.

## Accounts in het beheer

Voor partners en redacteuren in het beheer (/beheer) bewaren we naam, e-mailadres, rol en organisatie. Het wachtwoord bewaren we alleen in een vorm die niet terug te rekenen is (bcrypt). Belangrijke acties, zoals inloggen en uitnodigen, komen in een logboek met tijdstip, naam en e-mailadres. Doel: het platform veilig beheren.

- Grondslag: [in te vullen, bijvoorbeeld taak van algemeen belang, artikel 6, lid 1, onder e AVG]
- Bewaartermijn: [termijn voor accounts en logboek, in te vullen]

## Zoeklog

Wij houden bij waarop wordt gezocht, om te zien welk aanbod ontbreekt. We bewaren alleen de zoekwoorden, de gekozen filters, het aantal resultaten, het thema waarover de zoekvraag gaat en het uur. Geen IP-adres, geen cookie en niets anders waarmee een zoekopdracht aan u te koppelen is. E-mailadressen en lange nummers in zoekwoorden vervangen we voordat we iets opslaan. Na 400 dagen verwijderen we de gegevens.

## Was dit nuttig?

Onder elk aanbod kunt u laten weten of het nuttig was, met een korte toelichting en uw rol als u dat wilt. We bewaren alleen uw antwoord, de toelichting, de rol en de dag. Geen cookie, geen account en geen IP-adres. De redactie leest een toelichting voordat de aanbieder die ziet; schrijf er geen namen of andere persoonsgegevens in.

## Behoeftepeiling onder gemeenten

Voor de behoeftepeiling nodigt de redactie contactpersonen van gemeenten uit. Van hen bewaren we naam, e-mailadres, gemeente en wanneer de uitnodiging is verstuurd en geopend. De antwoorden zijn die van de gemeente, niet van een persoon. Is een peiling anoniem, dan bewaren we bij de antwoorden alleen de provincie en de grootteklasse van de gemeente, en bij de gemeente alleen dat zij heeft geantwoord. Openbare resultaten tonen geen groepen van minder dan vijf gemeenten.

## Tips en praktijkvoorbeelden (Tip ons)

Stuurt u de redactie een tip, een praktijkvoorbeeld of een dilemma, dan bewaren we uw inzending en, apart daarvan, uw naam, e-mailadres en organisatie. We gebruiken die om uw adres te bevestigen en met u over uw inzending te overleggen. Uw naam staat alleen bij een artikel als u daarvoor toestemming gaf; uw e-mailadres en organisatie publiceren we nooit. Bevestigt u uw inzending niet binnen zeven dagen, dan verwijderen we haar met uw gegevens. Twaalf maanden na het besluit van de redactie verwijderen we uw contactgegevens; een afgewezen of ingetrokken inzending verwijderen we dan helemaal. Bestanden nemen we niet aan, alleen links.

## Serverlogboeken

[In te vullen: houdt de webserver een toegangslogboek bij, met welke gegevens (bijvoorbeeld IP-adressen) en hoe lang?]

## Cookies

Wij gebruiken alleen deze functionele cookies:

- weerbaar_sessie: houdt u ingelogd in het beheer.
- weerbaar_formulier en weerbaar_nieuwsbrief: kortlevende cookies die formulieren beschermen tegen misbruik door andere websites.

## Uw rechten

U mag uw gegevens inzien, laten verbeteren of laten verwijderen. U mag ook bezwaar maken. Mail daarvoor naar [e-mailadres voor privacyvragen].

Bent u het niet eens met hoe wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.

Deze verklaring is bijgewerkt op [datum].
"""#)

    static let accessibility = (title: "Toegankelijkheidsverklaring", description: "Hoe toegankelijk de website Weerbaar is, wat wij daarvoor doen en hoe u een probleem meldt.", markdown: #"""
## Verklaring

[Naam van de organisatie] wil dat iedereen de website Weerbaar kan gebruiken. Wij streven ernaar om de website toegankelijk te maken volgens het Besluit digitale toegankelijkheid overheid. Dat betekent: voldoen aan WCAG 2.1 op niveau AA, zoals vastgelegd in de Europese norm EN 301 549.

Deze verklaring geldt voor de website Weerbaar op [webadres van de website].

Bij veel aanbod verwijzen we naar websites en documenten van partners. Die vallen niet onder deze verklaring. Daarvoor geldt de toegankelijkheidsverklaring van die partner.

## Nalevingsstatus

[status: A/B/C/D/E — in te vullen na onderzoek]

Er is nog geen onderzoek gedaan door een onafhankelijke partij. Daarom vullen we de status pas in na zo'n onderzoek.

## Onderbouwing: wat wij nu doen

Toegankelijkheid is vanaf het begin onderdeel van het bouwen van de website. Deze controles horen bij de vaste testronde van de software:

- Automatische toetsing met axe-core. Elk soort pagina van de openbare site wordt getest op de regels van WCAG 2.1 niveau A en AA. Dat doen we op twee schermbreedtes: 1280 pixels (computer) en 375 pixels (telefoon).
- Alleen het toetsenbord. We testen of belangrijke onderdelen te gebruiken zijn zonder muis.
- Geldige HTML. Elke soort pagina wordt gecontroleerd met de Nu HTML Checker.
- Werkt zonder JavaScript. De website werkt ook als JavaScript uit staat. Het enige script maakt filteren in het aanbod wat sneller. Zonder dat script werkt filteren ook.

Automatische tests vinden niet alle problemen. Daarom is ook onderzoek door een deskundige nodig. Wanneer dat onderzoek plaatsvindt: [datum of periode, in te vullen].

## Bekende beperkingen

[Lijst van bekende beperkingen, in te vullen na onderzoek. Per punt: wat het probleem is, voor wie het een probleem is, wat we eraan doen en wanneer het is opgelost.]

- [beperking 1]
- [beperking 2]

## Loopt u tegen een probleem aan?

Kunt u iets op deze website niet gebruiken of lezen? Laat het ons weten. Vermeld op welke pagina het was en wat er misging. Een schermafbeelding helpt ook.

- E-mail: [e-mailadres voor toegankelijkheid]
- Post: [adres van de beheerder]

## Wat kunt u van ons verwachten?

- U krijgt binnen [aantal] werkdagen een bevestiging dat we uw melding hebben ontvangen.
- Binnen [aantal] werkdagen laten we weten wat we met uw melding doen en wanneer het probleem is opgelost.
- Kunnen we het probleem niet snel oplossen? Dan helpen we u om de informatie op een andere manier te krijgen.

## Niet tevreden?

Bent u niet tevreden over hoe wij uw melding hebben behandeld? Dan kunt u een klacht indienen bij [instantie voor klachten, bijvoorbeeld de ombudsman die voor de organisatie geldt — in te vullen].

## Over deze verklaring

- Deze verklaring is opgesteld op [datum].
- Laatst bijgewerkt op [datum].
- Goedgekeurd door [functie van de tekenbevoegde] op [datum].
"""#)

    static let contact = (title: "Contact", description: "Vragen over de website Weerbaar, de nieuwsbrief of partner worden? Zo bereikt u het platformteam.", markdown: #"""
## Waarvoor kunt u ons benaderen?

Het platformteam van Weerbaar beheert deze website. U kunt ons benaderen over:

- De website zelf. Werkt iets niet, of vindt u iets niet terug? Laat het ons weten.
- De nieuwsbrief WeerbaarNL. Bijvoorbeeld als u geen bevestigingsmail kreeg. Uw gegevens wijzigen of u afmelden doet u zelf, via de persoonlijke link onderaan elke nieuwsbrief.
- Partner worden. Biedt uw organisatie landelijk aanbod voor gemeenten over polarisatie, radicalisering, extremisme of maatschappelijke onrust? Vertel ons welke organisatie u bent en welk aanbod u heeft. Wij nemen dan contact met u op.
- Een fout in een aanbod. Klopt er iets niet bij een aanbod, zoals een verouderde datum of een link die niet werkt? Noem de pagina, bijvoorbeeld het adres dat begint met /aanbod. Wij geven het door aan de partner.

## Vragen over een aanbod? Ga naar de aanbieder

Heeft u een vraag over de inhoud van een training, publicatie of contactpunt? Bijvoorbeeld over aanmelden, kosten of data? Stel die dan aan de organisatie die het aanbiedt. Hun contactgegevens staan op de pagina van dat aanbod. Het platformteam weet hier niet meer over dan wat op de site staat.

## Geen advies over uw situatie

Weerbaar geeft geen advies over een situatie in uw gemeente, een persoon of een casus. Wij zijn een wegwijzer naar het aanbod van de partners. Zoek op /aanbod of in de vraagwijzer op /vraagwijzer naar een contactpunt dat bij uw vraag past.

Stuur ons daarom geen gegevens over personen of casussen.

## Is het dringend?

- Is er direct gevaar? Bel 112.
- Geen spoed, wel zorgen over een situatie? Volg de afspraken en meldroutes van uw eigen gemeente. Neem bijvoorbeeld contact op met de collega's in uw gemeente die over veiligheid of zorg gaan.

Een bericht aan het platformteam is nooit de juiste weg voor iets dat dringend is.

## Zo bereikt u ons

- E-mail: [e-mailadres van het platformteam]
- Post: [adres van de beheerder]

Wij reageren binnen [aantal] werkdagen.

## Meer informatie

- Wat Weerbaar is en hoe het aanbod actueel blijft: /over
- Hoe wij met uw gegevens omgaan: /privacy
- Hoe toegankelijk de website is en hoe u een probleem meldt: /toegankelijkheid
- Aanmelden voor de nieuwsbrief: /nieuwsbrief
"""#)
}
