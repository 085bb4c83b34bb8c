//! The town guide's names and values: places, where they are, heads, bus lines, prices, events
//! and rules, as (German, English) pairs or [`Item`]s with their synonyms.

use crate::corpus::knowledge::G::{F, M, N};
use crate::corpus::knowledge::{Item, Pair, item};

#[rustfmt::skip]
pub const MUSEUM: Item = item(("Museum", N), "museum", &[("Ausstellungshaus", N)], &["exhibition hall"]);
#[rustfmt::skip]
pub const INDOOR_POOL: Item = item(("Hallenbad", N), "indoor pool", &[("Badi", F)], &["swimming baths"]);
#[rustfmt::skip]
pub const CINEMA: Item = item(("Kino", N), "cinema", &[("Filmtheater", N)], &["movie theatre"]);
#[rustfmt::skip]
pub const ICE_RINK: Item = item(("Eisbahn", F), "ice rink", &[("Schlittschuhbahn", F)], &["skating rink"]);
#[rustfmt::skip]
pub const ANIMAL_PARK: Item = item(("Tierpark", M), "animal park", &[("Wildpark", M)], &["petting zoo"]);

#[rustfmt::skip]
pub const PLACES: &[Item] = &[
    MUSEUM,
    INDOOR_POOL,
    CINEMA,
    item(("Rathaus", N), "town hall", &[("Stadthaus", N)], &["city hall"]),
    item(("Post", F), "post office", &[("Postfiliale", F)], &["mail counter"]),
    item(("Apotheke", F), "pharmacy", &[("Drogerie", F)], &["chemist"]),
    item(("Bäckerei", F), "bakery", &[("Backstube", F)], &["bread shop"]),
    item(("Velowerkstatt", F), "bike shop", &[("Veloladen", M)], &["cycle repair"]),
    ICE_RINK,
    ANIMAL_PARK,
];

#[rustfmt::skip]
pub const ATTRACTIONS: &[Item] = &[
    MUSEUM,
    INDOOR_POOL,
    CINEMA,
    ICE_RINK,
    ANIMAL_PARK,
    item(("Minigolf", N), "minigolf", &[("Minigolfanlage", F)], &["crazy golf"]),
    item(("Kletterhalle", F), "climbing hall", &[("Boulderhalle", F)], &["bouldering gym"]),
    item(("Planetarium", N), "planetarium", &[("Sternwarte", F)], &["observatory"]),
    item(("Seilpark", M), "rope park", &[("Kletterpark", M)], &["adventure park"]),
    item(("Aussichtsturm", M), "lookout tower", &[("Turm", M)], &["viewing tower"]),
];

pub const WHERES: &[Pair] = &[
    ("am Seeweg", "on the lake path"),
    ("neben dem Bahnhof", "next to the station"),
    ("in der Altstadt", "in the old town"),
    ("am Marktplatz", "on the market square"),
    ("an der Hauptstrasse", "on the main street"),
    ("beim Spital", "by the hospital"),
    ("an der Kirchgasse", "in Church Lane"),
    ("hinter der Schule", "behind the school"),
    ("beim Sportplatz", "by the sports ground"),
    ("am Waldrand", "at the edge of the forest"),
];

#[rustfmt::skip]
pub const DESTINATIONS: &[Item] = &[
    item(("Bahnhof", M), "station", &[("Zugstation", F)], &["rail terminus"]),
    item(("Spital", N), "hospital", &[("Krankenhaus", N)], &["clinic"]),
    item(("Stadion", N), "stadium", &[("Fussballplatz", M)], &["football ground"]),
    item(("Hafen", M), "harbour", &[("Schiffsteg", M)], &["boat pier"]),
    item(("Flugplatz", M), "airfield", &[("Flughafen", M)], &["airport"]),
    item(("Campingplatz", M), "campsite", &[("Zeltplatz", M)], &["camping ground"]),
    item(("Strandbad", N), "lido", &[("Seebad", N)], &["beach baths"]),
    item(("Altersheim", N), "care home", &[("Seniorenheim", N)], &["senior residence"]),
    item(("Gewerbegebiet", N), "business park", &[("Industriezone", F)], &["industrial estate"]),
    item(("Schloss", N), "castle", &[("Burg", F)], &["fortress"]),
];

#[rustfmt::skip]
pub const SPOTS: &[Item] = &[
    item(("Park", M), "park", &[("Grünanlage", F)], &["green"]),
    item(("Wald", M), "forest", &[("Forst", M)], &["woods"]),
    item(("Altstadt", F), "old town", &[("Stadtkern", M)], &["town centre"]),
    item(("Rosengarten", M), "rose garden", &[("Blumengarten", M)], &["rosarium"]),
    item(("Naturschutzgebiet", N), "nature reserve", &[("Reservat", N)], &["wildlife area"]),
    item(("Bahnhofunterführung", F), "station underpass", &[("Unterführung", F)], &["subway"]),
    item(("Wohnquartier", N), "housing estate", &[("Wohngebiet", N)], &["residential area"]),
    item(("Hafenbecken", N), "harbour basin", &[("Bootshafen", M)], &["marina"]),
];

#[rustfmt::skip]
pub const TOWN_EVENTS: &[Item] = &[
    item(("Stadtfest", N), "town festival", &[("Dorffest", N)], &["street party"]),
    item(("Flohmarkt", M), "flea market", &[("Brocante", F)], &["jumble sale"]),
    item(("Seenachtsfest", N), "lake night festival", &[("Feuerwerk am See", N)], &["lake fireworks"]),
    item(("Räbeliechtli-Umzug", M), "lantern parade", &[("Laternenumzug", M)], &["lantern walk"]),
    item(("Chlausmarkt", M), "St Nicholas market", &[("Samichlausmarkt", M)], &["Santa market"]),
    item(("Fasnacht", F), "carnival", &[("Fastnacht", F)], &["fancy-dress parade"]),
    item(("Openair", N), "open-air concert", &[("Freiluftkonzert", N)], &["outdoor concert"]),
    item(("Velorennen", N), "bike race", &[("Radrennen", N)], &["cycle race"]),
];

pub const DAYS: &[Pair] = &[
    ("Montag", "Monday"),
    ("Dienstag", "Tuesday"),
    ("Mittwoch", "Wednesday"),
    ("Donnerstag", "Thursday"),
    ("Freitag", "Friday"),
    ("Samstag", "Saturday"),
    ("Sonntag", "Sunday"),
];

pub const HEADS: &[Pair] = &[
    ("Frau Zgraggen", "Ms Zgraggen"),
    ("Herr Tschudi", "Mr Tschudi"),
    ("Frau Gwerder", "Ms Gwerder"),
    ("Herr Infanger", "Mr Infanger"),
    ("Frau Bättig", "Ms Bättig"),
    ("Herr Odermatt", "Mr Odermatt"),
    ("Frau Ziörjen", "Ms Ziörjen"),
    ("Herr Zumbühl", "Mr Zumbühl"),
    ("Frau Imhof", "Ms Imhof"),
    ("Herr Wyrsch", "Mr Wyrsch"),
];

pub const LINES: &[Pair] = &[
    ("2", "2"),
    ("4", "4"),
    ("7", "7"),
    ("11", "11"),
    ("12", "12"),
    ("23", "23"),
    ("31", "31"),
    ("37", "37"),
    ("45", "45"),
    ("58", "58"),
    ("61", "61"),
    ("83", "83"),
];

pub const PRICES: &[Pair] = &[
    ("3", "3"),
    ("4", "4"),
    ("5", "5"),
    ("6", "6"),
    ("8", "8"),
    ("9", "9"),
    ("12", "12"),
    ("15", "15"),
];

pub const TOWN_BANNED: &[Pair] = &[
    ("Velofahren", "cycling"),
    ("Grillieren", "barbecuing"),
    ("Rauchen", "smoking"),
    ("Baden", "swimming"),
    ("Zelten", "camping"),
    ("Feuer", "lighting fires"),
    ("laute Musik", "loud music"),
    ("Drohnenfliegen", "flying drones"),
];
