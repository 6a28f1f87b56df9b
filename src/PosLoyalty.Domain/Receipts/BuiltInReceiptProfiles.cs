namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// The profiles that work with no file: `default` (ESC/POS) and `star` (Star Line Mode; the same text rules,
/// only the decoder differs). Their labels cover English, German, French, Spanish, Italian, Dutch, Swedish,
/// Danish, Norwegian, Finnish, Estonian, Hungarian, Polish and Czech. kiosk-config/receipt-profiles/default.json
/// and star.json hold the same values, for a shop to copy and adapt.
/// </summary>
public static class BuiltInReceiptProfiles
{
    /// <summary>The names of the built-in profiles.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(["default", "star"]);

    /// <summary>The built-in `default` profile: ESC/POS, every listed language.</summary>
    public static ReceiptProfile Default => Create("default", ReceiptDialect.EscPos);

    /// <summary>The built-in `star` profile: Star Line Mode, the same text rules as `default`.</summary>
    public static ReceiptProfile Star => Create("star", ReceiptDialect.StarLine);

    /// <summary>The built-in profile of that name (case-insensitive), or null.</summary>
    public static ReceiptProfile? Find(string name) => name.Trim().ToLowerInvariant() switch
    {
        "default" => Default,
        "star" => Star,
        _ => null,
    };

    private static ReceiptProfile Create(string name, ReceiptDialect dialect) => new()
    {
        Name = name,
        Dialect = dialect,
        DecimalSeparator = DecimalSeparatorRule.Auto,
        DateOrder = DateOrder.DayMonthYear,
        AmountDueLabels = List(
            "AMOUNT DUE", "BALANCE DUE", "TOTAL DUE", "TOTAL TO PAY", "TO PAY", "AMOUNT TO PAY", "PLEASE PAY",
            "ZU ZAHLEN", "ZAHLBETRAG", "ZU BEZAHLEN", "RECHNUNGSBETRAG",
            "TOTAL A PAYER", "NET A PAYER", "MONTANT A PAYER", "A PAYER", "RESTE A PAYER",
            "TOTAL A PAGAR", "IMPORTE A PAGAR", "A PAGAR",
            "TOTALE DA PAGARE", "DA PAGARE", "IMPORTO DA PAGARE",
            "TOTAAL TE BETALEN", "TE BETALEN",
            "ATT BETALA", "TOTALT ATT BETALA", "SUMMA ATT BETALA",
            "AT BETALE", "I ALT AT BETALE",
            "A BETALE", "TOTALT A BETALE",
            "MAKSETTAVA", "MAKSETTAVAA", "YHTEENSA MAKSETTAVA",
            "TASUDA", "KOKKU TASUDA", "TASUMISELE", "MAKSTA",
            "FIZETENDO", "FIZETENDO OSSZEG", "FIZETENDO OSSZESEN",
            "DO ZAPLATY", "RAZEM DO ZAPLATY", "SUMA DO ZAPLATY",
            "K UHRADE", "CELKEM K UHRADE", "K ZAPLACENI", "CELKEM K ZAPLACENI"),
        TotalLabels = List(
            "TOTAL", "GRAND TOTAL", "TOTAL AMOUNT", "SUM", "AMOUNT", "BALANCE",
            "SUMME", "GESAMT", "GESAMTSUMME", "ENDSUMME", "GESAMTBETRAG", "BETRAG", "BRUTTO", "SUMME BRUTTO",
            "TOTAL TTC", "MONTANT", "MONTANT TTC", "NET A PAYER TTC",
            "IMPORTE", "IMPORTE TOTAL", "TOTAL EUROS",
            "TOTALE", "TOTALE COMPLESSIVO", "TOTALE EURO", "IMPORTO", "IMPORTO TOTALE",
            "TOTAAL", "TOTAAL BEDRAG", "BEDRAG",
            "SUMMA", "TOTALT", "TOTALSUMMA", "ATT BETALA TOTALT",
            "I ALT", "TOTAL I ALT", "BELOB", "SUM I ALT",
            "TOTALSUM", "BELOP",
            "YHTEENSA", "YHTEENSA EUR", "LOPPUSUMMA",
            "KOKKU", "SUMMA KOKKU", "KOKKUSUMMA",
            "OSSZESEN", "OSSZEG", "VEGOSSZEG", "MINDOSSZESEN",
            "SUMA", "RAZEM", "SUMA PLN", "SUMA BRUTTO", "NALEZNOSC",
            "CELKEM", "CELKOVA CASTKA", "CASTKA", "CELKEM KC", "CELKEM CZK"),
        SubtotalLabels = List(
            "SUBTOTAL", "SUB TOTAL", "SUB-TOTAL", "SUBTOT",
            "ZWISCHENSUMME", "ZW-SUMME", "ZWISCHENSUMME BRUTTO",
            "SOUS-TOTAL", "SOUS TOTAL", "SOUSTOTAL",
            "SUBTOTALE", "PARZIALE", "SUBTOTAAL", "TUSSENTOTAAL",
            "DELSUMMA", "MELLEMSUM", "MELLOMSUM", "SUBTOTAL", "DELSUM",
            "VALISUMMA", "VAHESUMMA", "RESZOSSZEG", "RESZOSSZESEN",
            "SUMA CZESCIOWA", "PODSUMA", "SPRZEDAZ OPODATKOWANA", "MEZISOUCET", "MEZISOUCET CELKEM"),
        TaxLabels = List(
            "TAX", "SALES TAX", "VAT", "GST", "HST", "PST", "NET", "NET TOTAL", "EXCL", "EXCL. VAT",
            "MWST", "MW-ST", "MWST.", "UST", "UMSATZSTEUER", "MEHRWERTSTEUER", "STEUER", "NETTO", "NETTOBETRAG",
            "TVA", "HT", "TOTAL HT", "MONTANT HT",
            "IVA", "BASE", "BASE IMPONIBLE", "IMPONIBILE", "IMPOSTA",
            "BTW", "EXCL BTW",
            "MOMS", "MOMSBELOPP", "HERAF MOMS", "MVA", "MERVERDIAVGIFT",
            "ALV", "VEROTON", "KM", "KAIBEMAKS", "KAIBEMAKSUTA",
            "AFA", "AFA OSSZESEN", "NETTO ERTEK",
            "PTU", "SUMA PTU", "VAT", "NETTO",
            "DPH", "ZAKLAD", "ZAKLAD DANE", "BEZ DPH"),
        TaxIncludedWords = List(
            "INCL", "INCL.", "INC", "INC.", "INCLUDING", "INCLUSIVE", "INCLUDED",
            "INKL", "INKL.", "INKLUSIVE", "ENTH", "ENTH.", "ENTHALTEN",
            "TTC", "INCLUS", "INCLUSE", "COMPRIS",
            "INCLUIDO", "INCLUIDA", "INCL", "INCLUSO", "INCLUSA", "COMPRESA", "COMPRESO",
            "INCLUSIEF", "INCL", "INKLUSIVE", "VARAV", "HERAF", "HERAV",
            "SIS", "SIS.", "SISALTAA", "SISALDAB", "SH", "SH.",
            "TARTALMAZ", "BRUTTO",
            "ZAW", "ZAW.", "ZAWIERA", "W TYM",
            "VC", "VC.", "VCETNE", "S"),
        SavingsLabels = List(
            "YOU SAVED", "SAVINGS", "TOTAL SAVINGS", "SAVED", "DISCOUNT", "TOTAL DISCOUNT", "COUPON",
            "RABATT", "NACHLASS", "ERSPARNIS", "SIE SPAREN", "SIE HABEN GESPART",
            "REMISE", "REDUCTION", "ECONOMIE", "VOUS AVEZ ECONOMISE",
            "DESCUENTO", "AHORRO", "AHORRO TOTAL", "HA AHORRADO",
            "SCONTO", "RISPARMIO", "HAI RISPARMIATO",
            "KORTING", "VOORDEEL", "U BESPAART",
            "DU SPARADE", "BESPARING", "RABAT", "DU SPARER", "DU SPARTE",
            "ALENNUS", "SAASTIT", "SAASTO",
            "SOODUSTUS", "ALLAHINDLUS", "SAASTSID",
            "KEDVEZMENY", "MEGTAKARITAS",
            "UPUST", "OSZCZEDZASZ", "OSZCZEDNOSC",
            "SLEVA", "USETRENO", "USETRILI JSTE"),
        CashGivenLabels = List(
            "CASH", "CASH TENDERED", "TENDERED", "CASH PAID",
            "BAR", "BARGELD", "GEGEBEN", "BAR GEGEBEN", "BARZAHLUNG",
            "ESPECES", "RECU", "ESPECES RECU",
            "EFECTIVO", "ENTREGADO", "ENTREGA",
            "CONTANTI", "CONTANTE", "PAGATO", "PAGAMENTO CONTANTE",
            "CONTANT", "BETAALD", "CONTANT BETAALD",
            "KONTANT", "KONTANTER", "ERHALLET", "MOTTAGET", "BETALT KONTANT", "KONTANT BETALT",
            "KATEINEN", "MAKSETTU", "SULARAHA", "MAKSTUD",
            "KESZPENZ", "BEFIZETETT", "GOTOWKA", "WPLATA", "HOTOVE", "HOTOVOST", "PRIJATO"),
        ChangeLabels = List(
            "CHANGE", "CHANGE DUE", "YOUR CHANGE",
            "RUCKGELD", "WECHSELGELD", "ZURUCK",
            "RENDU", "MONNAIE", "RENDU MONNAIE", "MONNAIE RENDUE", "A RENDRE",
            "CAMBIO", "CAMBIO ENTREGADO", "SU CAMBIO", "VUELTO", "DEVOLUCION CAMBIO",
            "RESTO", "RESTO CONTANTI",
            "WISSELGELD", "TERUG", "RETOUR GELD",
            "VAXEL", "VAXELPENGAR", "TILLBAKA", "BYTTEPENGE", "RETUR", "TILBAGE", "VEKSEL", "VEKSLEPENGER", "TILBAKE",
            "VAIHTORAHA", "TAKAISIN", "TAGASI", "TAGASTUS RAHA",
            "VISSZAJARO", "VISSZA", "RESZTA", "VRACENO", "VRATIT", "VRATIT ZAKAZNIKOVI"),
        ItemCountLabels = List(
            "ITEMS", "ITEM COUNT", "NUMBER OF ITEMS", "NO. OF ITEMS", "TOTAL ITEMS", "ITEMS SOLD",
            "ANZAHL ARTIKEL", "ARTIKELANZAHL", "ARTIKEL", "POSITIONEN", "ANZAHL POSITIONEN",
            "NOMBRE D'ARTICLES", "ARTICLES", "NB ARTICLES",
            "ARTICULOS", "N. ARTICULOS", "NUMERO DE ARTICULOS",
            "ARTICOLI", "NUMERO ARTICOLI", "PEZZI",
            "AANTAL ARTIKELEN", "ARTIKELEN",
            "ANTAL VAROR", "ANTAL ARTIKLAR", "ANTAL VARER", "ANTALL VARER", "ANTALL ARTIKLER",
            "TUOTTEITA", "KAPPALEITA", "ARTIKLEID", "KAUPU", "TOODETE ARV",
            "TETELEK SZAMA", "TETELEK", "DARAB",
            "LICZBA POZYCJI", "ILOSC POZYCJI", "POCET POLOZEK", "POLOZEK"),
        CardPaymentLabels = List(
            "CARD", "CREDIT CARD", "DEBIT CARD", "CREDIT", "DEBIT", "VISA", "VISA DEBIT", "MASTERCARD", "MAESTRO",
            "AMEX", "AMERICAN EXPRESS", "DINERS", "DISCOVER", "JCB", "V PAY", "VPAY", "CONTACTLESS", "APPLE PAY", "GOOGLE PAY",
            "EC", "EC-KARTE", "EC KARTE", "GIROCARD", "KARTE", "KARTENZAHLUNG", "BANKKARTE",
            "CARTE", "CB", "CARTE BANCAIRE", "CARTE BLEUE", "TARJETA", "TARJETA CREDITO", "TARJETA DEBITO",
            "CARTA", "BANCOMAT", "CARTA DI CREDITO", "PIN", "PINNEN", "BANKKAART", "KAART",
            "KORT", "BANKKORT", "KORTBETALNING", "DANKORT", "SWISH", "MOBILEPAY", "VIPPS",
            "KORTTI", "PANKKIKORTTI", "PANGAKAART", "KAART", "KAARDIMAKSE",
            "BANKKARTYA", "KARTYA", "KARTYAS FIZETES", "KARTA", "KARTA PLATNICZA", "BLIK",
            "PLATBA KARTOU", "KARTOU", "KARTA"),
        ReceiptNumberLabels = List(
            "RECEIPT", "RECEIPT NO", "RECEIPT NUMBER", "RCPT", "TRANS", "TRANSACTION", "TXN", "INVOICE", "ORDER",
            "BON", "BON-NR", "BONNR", "BONNUMMER", "BELEG", "BELEG-NR", "BELEGNR", "BELEGNUMMER", "KASSENBON", "RECHNUNG",
            "TICKET", "NUMERO DE TICKET", "NO TICKET", "FACTURE", "FACTURA", "FACTURA SIMPLIFICADA", "TIQUE",
            "SCONTRINO", "DOC", "DOCUMENTO", "DOC. N", "NUMERO SCONTRINO",
            "KASSABON", "BONNUMMER",
            "KVITTO", "KVITTONUMMER", "KVITTO NR", "KVITTERING", "KVITTERINGSNR", "BONNR",
            "KUITTI", "KUITTINUMERO", "KUITTI NRO", "TSEKK", "TSEKI", "ARVE",
            "NYUGTA", "NYUGTASZAM", "BIZONYLAT", "SORSZAM",
            "PARAGON", "NR PARAGONU", "NUMER PARAGONU",
            "UCTENKA", "CISLO UCTENKY", "DOKLAD", "CISLO DOKLADU", "UCET"),
        CopyMarkers = List(
            "COPY", "RECEIPT COPY", "COPY RECEIPT", "DUPLICATE", "DUPLICATE RECEIPT", "REPRINT", "REPRINTED", "RE-PRINT",
            "KOPIE", "DUPLIKAT", "ZWEITSCHRIFT", "NACHDRUCK", "BELEGKOPIE", "BON-KOPIE", "KOPIE KASSENBON",
            "COPIE", "DUPLICATA", "REIMPRESSION", "COPIA", "DUPLICADO", "REIMPRESION", "COPIA SCONTRINO", "RISTAMPA",
            "DUPLICAAT", "HERDRUK", "KOPIA", "KVITTOKOPIA", "DUBBLETT", "KOPI", "GENTRYK", "KOPIO", "JALJENNOS",
            "KOOPIA", "DUPLIKAAT", "MASOLAT", "MASODLAT", "MASODPELDANY", "DUPLIKAT", "KOPIA PARAGONU", "DUPLIKAT PARAGONU",
            "DUPLIKAT UCTENKY", "KOPIE UCTENKY"),
        RefundMarkers = List(
            "REFUND", "REFUNDED", "REFUND RECEIPT", "RETURN", "RETURN RECEIPT", "RETURNED", "CREDIT NOTE",
            "ERSTATTUNG", "RUCKERSTATTUNG", "RETOURE", "GUTSCHRIFT", "RUCKGABE", "STORNO",
            "REMBOURSEMENT", "RETOUR", "AVOIR", "TICKET DE RETOUR",
            "DEVOLUCION", "REEMBOLSO", "ABONO", "TICKET DE DEVOLUCION",
            "RESO", "RIMBORSO", "SCONTRINO DI RESO",
            "RETOURBON", "TERUGBETALING",
            "RETUR", "RETURKVITTO", "ATERBETALNING", "REFUSION", "TILBAGEBETALING", "REFUSJON", "RETURKVITTERING",
            "HYVITYS", "PALAUTUS", "HYVITYSKUITTI", "TAGASTUS", "RAHA TAGASTUS",
            "VISSZARU", "VISSZATERITES", "STORNO", "ZWROT", "ZWROT TOWARU", "KOREKTA",
            "VRATKA", "VRACENI", "DOBROPIS", "VRACENI ZBOZI"),
        IgnoreLabels = List(
            "TEL", "TEL.", "PHONE", "FAX", "WWW", "VAT NO", "VAT REG", "VAT NUMBER", "TAX ID", "STORE", "TILL", "REGISTER", "CASHIER", "TABLE",
            "UST-ID", "UST-IDNR", "UST ID", "ST-NR", "STEUERNUMMER", "STNR", "KASSE", "KASSIERER", "BEDIENER", "FILIALE", "TISCH",
            "SIRET", "SIREN", "TVA INTRA", "CAISSE", "CAISSIER", "TABLE",
            "CIF", "NIF", "CAJA", "CAJERO", "MESA", "P.IVA", "PARTITA IVA", "CASSA", "CASSIERE", "TAVOLO",
            "BTW-NR", "BTW NR", "KVK", "KASSA", "KASSIER", "TAFEL",
            "ORG.NR", "ORGNR", "ORG NR", "KASSA", "KASSOR", "CVR", "CVR-NR", "KASSE", "FORETAKSREGISTERET", "MVA-NR",
            "Y-TUNNUS", "KASSA", "MYYJA", "KMKR", "REG. NR", "REGISTRIKOOD", "KASSIIR",
            "ADOSZAM", "PENZTAR", "PENZTAROS", "AP", "NIP", "KASA", "KASJER",
            "ICO", "DIC", "POKLADNA", "POKLADNI", "BKP", "FIK", "PKP"),
        CurrencySymbols = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["€"] = "EUR", ["EUR"] = "EUR", ["£"] = "GBP", ["GBP"] = "GBP", ["$"] = "$", ["USD"] = "USD", ["US$"] = "USD",
            ["CAD"] = "CAD", ["AUD"] = "AUD", ["CHF"] = "CHF", ["Fr."] = "CHF", ["SFr."] = "CHF",
            ["kr"] = "kr", ["kr."] = "kr", ["Kr"] = "kr", ["KR"] = "kr", ["SEK"] = "SEK", ["NOK"] = "NOK", ["DKK"] = "DKK", ["ISK"] = "ISK",
            ["Kč"] = "CZK", ["Kc"] = "CZK", ["KČ"] = "CZK", ["CZK"] = "CZK",
            ["zł"] = "PLN", ["zl"] = "PLN", ["ZŁ"] = "PLN", ["PLN"] = "PLN",
            ["Ft"] = "HUF", ["FT"] = "HUF", ["HUF"] = "HUF",
            ["lei"] = "RON", ["RON"] = "RON", ["¥"] = "¥", ["JPY"] = "JPY",
        },
        ItemLinePattern = null,
    };

    private static IReadOnlyList<string> List(params string[] labels) => Array.AsReadOnly(labels.Distinct(StringComparer.Ordinal).ToArray());
}
