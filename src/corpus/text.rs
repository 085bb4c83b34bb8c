//! Sentences and short stories about the small world of [`super::world`], in German and
//! English, written from templates with a seeded generator (the same text on every machine).

use super::world::*;
use crate::i18n::Lang;
use crate::rng::Rng;

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.below(items.len())]
}

/// A person: a man or a woman, and whether royal.
fn person(rng: &mut Rng) -> (Noun, bool) {
    let i = rng.below(MEN.len());
    let noun = if rng.below(2) == 0 { MEN[i] } else { WOMEN[i] };
    (noun, ROYAL.contains(&i))
}

fn royal(rng: &mut Rng) -> Noun {
    let i = *pick(rng, ROYAL);
    if rng.below(2) == 0 { MEN[i] } else { WOMEN[i] }
}

/// "Der König" / "The king".
fn the(lang: Lang, n: &Noun) -> String {
    match lang {
        Lang::De => format!("{} {}", cap(n.der()), n.de),
        Lang::En => format!("The {}", n.en),
    }
}

/// One sentence about a person.
fn person_sentence(rng: &mut Rng, lang: Lang) -> String {
    let (p, is_royal) = person(rng);
    let subject = the(lang, &p);
    let choice = rng.below(if is_royal { 15 } else { 11 });
    let place = pick(rng, PLACES);
    let food = pick(rng, FOODS);
    let (animal, _, _) = pick(rng, ANIMALS);
    let vehicle = pick(rng, VEHICLES);
    match (lang, choice) {
        (Lang::De, 0) => format!("{subject} geht {}.", place.1),
        (Lang::En, 0) => format!("{subject} walks {}.", place.2),
        (Lang::De, 1) => format!("{subject} liest ein Buch {}.", place.1),
        (Lang::En, 1) => format!("{subject} reads a book {}.", place.2),
        (Lang::De, 2) => format!("{subject} kocht {} {} in der Küche.", food.den(), food.de),
        (Lang::En, 2) => format!("{subject} cooks the {} in the kitchen.", food.en),
        (Lang::De, 3) => format!("{subject} isst {} {}.", food.den(), food.de),
        (Lang::En, 3) => format!("{subject} eats the {}.", food.en),
        (Lang::De, 4) => format!("{subject} spielt mit {} {}.", animal.dem(), animal.de),
        (Lang::En, 4) => format!("{subject} plays with the {}.", animal.en),
        (Lang::De, 5) => format!(
            "{subject} fährt mit {} {} in die Stadt.",
            vehicle.dem(),
            vehicle.de
        ),
        (Lang::En, 5) => format!("{subject} takes the {} to town.", vehicle.en),
        (Lang::De, 6) => format!("{subject} lacht und ist fröhlich."),
        (Lang::En, 6) => format!("{subject} laughs and is happy."),
        (Lang::De, 7) => format!("{subject} schläft {}. {} ist müde.", place.1, cap(p.er())),
        (Lang::En, 7) => format!("{subject} sleeps {}. {} is tired.", place.2, cap(p.he())),
        (Lang::De, 8) => format!("{subject} arbeitet {}.", place.1),
        (Lang::En, 8) => format!("{subject} works {}.", place.2),
        (Lang::De, 9) => format!("{subject} kocht das Essen. Das Essen ist bald fertig."),
        (Lang::En, 9) => format!("{subject} cooks the food. The food is ready soon."),
        (Lang::De, 10) => format!(
            "{subject} trinkt ein Glas Milch, denn {} hat Durst.",
            p.er()
        ),
        (Lang::En, 10) => format!(
            "{subject} drinks a glass of milk, because {} is thirsty.",
            p.he()
        ),
        (Lang::De, 11) => format!("{subject} regiert das Land."),
        (Lang::En, 11) => format!("{subject} rules the land."),
        (Lang::De, 12) => format!("{subject} trägt eine goldene Krone."),
        (Lang::En, 12) => format!("{subject} wears a golden crown."),
        (Lang::De, 13) => format!("{subject} wohnt im Schloss und regiert das Land."),
        (Lang::En, 13) => format!("{subject} lives in the castle and rules the land."),
        (Lang::De, _) => format!(
            "{subject} spricht zum Volk. Alle hören {} zu.",
            if p.gender == Gender::F { "ihr" } else { "ihm" }
        ),
        (Lang::En, _) => format!(
            "{subject} speaks to the people. Everyone listens to {}.",
            if p.gender == Gender::F { "her" } else { "him" }
        ),
    }
}

/// A married couple: man and woman of the same kind.
fn couple_sentence(rng: &mut Rng, lang: Lang) -> String {
    let i = *pick(rng, &[0usize, 1, 3, 7]);
    let (m, w) = (MEN[i], WOMEN[i]);
    match lang {
        Lang::De => format!(
            "{} {} und {} {} sind verheiratet. Er ist ihr Mann, sie ist seine Frau.",
            cap(m.der()),
            m.de,
            w.der(),
            w.de
        ),
        Lang::En => format!(
            "The {} and the {} are married. He is her husband, she is his wife.",
            m.en, w.en
        ),
    }
}

fn animal_sentence(rng: &mut Rng, lang: Lang) -> String {
    let i = rng.below(ANIMALS.len());
    let (a, sound_de, sound_en) = ANIMALS[i];
    let pet = PETS.contains(&i);
    let dog = i <= 1;
    let subject = the(lang, &a);
    let choice = rng.below(if pet { 8 } else { 4 });
    let place = pick(rng, &PLACES[..2]);
    match (lang, choice) {
        (Lang::De, 0) => format!("{subject} {sound_de}."),
        (Lang::En, 0) => format!("{subject} {sound_en}."),
        (Lang::De, 1) => format!("{subject} {sound_de} laut {}.", place.1),
        (Lang::En, 1) => format!("{subject} {sound_en} loudly {}.", place.2),
        (Lang::De, 2) => format!("{subject} frisst gern und schläft danach."),
        (Lang::En, 2) => format!("{subject} likes to eat and sleeps afterwards."),
        (Lang::De, 3) => format!("{subject} ist ein Tier."),
        (Lang::En, 3) => format!("{subject} is an animal."),
        (Lang::De, 4) => format!("{subject} ist ein Haustier und wohnt im Haus."),
        (Lang::En, 4) => format!("{subject} is a pet and lives in the house."),
        (Lang::De, 5) => format!("{subject} liegt auf dem Sofa und will gestreichelt werden."),
        (Lang::En, 5) => format!("{subject} lies on the sofa and wants to be stroked."),
        (Lang::De, 6) if dog => {
            format!("{subject} spielt mit dem Ball und wedelt mit dem Schwanz.")
        }
        (Lang::En, 6) if dog => format!("{subject} plays with the ball and wags its tail."),
        (Lang::De, 6) => format!("{subject} fängt eine Maus im Garten."),
        (Lang::En, 6) => format!("{subject} catches a mouse in the garden."),
        (Lang::De, _) => format!("{subject} spielt {} mit den Kindern.", place.1),
        (Lang::En, _) => format!("{subject} plays {} with the children.", place.2),
    }
}

fn food_sentence(rng: &mut Rng, lang: Lang) -> String {
    let food = pick(rng, FOODS);
    let (p, _) = person(rng);
    let meal = pick(rng, &[("Essen", "food"), ("Mahlzeit", "meal")]);
    let article = if meal.0 == "Essen" { "das" } else { "die" };
    match (lang, rng.below(6)) {
        (Lang::De, 0) => format!(
            "{} {} ist fertig. Zum Essen gibt es {}.",
            cap(article),
            meal.0,
            food.de
        ),
        (Lang::En, 0) => format!(
            "The {} is ready. For the meal there is {}.",
            meal.1, food.en
        ),
        (Lang::De, 1) => format!(
            "{} kocht eine warme Mahlzeit. Das Essen schmeckt gut.",
            the(lang, &p)
        ),
        (Lang::En, 1) => format!("{} cooks a warm meal. The food tastes good.", the(lang, &p)),
        (Lang::De, 2) => "Nach dem Kochen essen alle zusammen eine Mahlzeit.".to_string(),
        (Lang::En, 2) => "After cooking, everyone eats a meal together.".to_string(),
        (Lang::De, 3) => format!(
            "{} {} schmeckt gut. Wir kochen {} {} für das Essen.",
            cap(article),
            meal.0,
            food.den(),
            food.de
        ),
        (Lang::En, 3) => format!(
            "The {} tastes good. We cook the {} for the meal.",
            meal.1, food.en
        ),
        (Lang::De, 4) => format!(
            "Wer kocht heute das Essen? {} kocht die Mahlzeit.",
            the(lang, &p)
        ),
        (Lang::En, 4) => format!(
            "Who cooks the food today? {} cooks the meal.",
            the(lang, &p)
        ),
        (Lang::De, _) => format!("Zum Essen gibt es {} und Brot.", food.de),
        (Lang::En, _) => format!("For the meal there is {} and bread.", food.en),
    }
}

fn vehicle_sentence(rng: &mut Rng, lang: Lang) -> String {
    // Car and vehicle share every sentence; the others only some.
    let v = if rng.below(3) == 0 {
        *pick(rng, VEHICLES)
    } else {
        VEHICLES[rng.below(2)]
    };
    let subject = the(lang, &v);
    let (colour_de, colour_en) = *pick(rng, COLOURS);
    match (lang, rng.below(5)) {
        (Lang::De, 0) => format!("{subject} fährt schnell auf der Strasse."),
        (Lang::En, 0) => format!("{subject} drives fast on the road."),
        (Lang::De, 1) => format!("{subject} steht vor dem Haus."),
        (Lang::En, 1) => format!("{subject} stands in front of the house."),
        (Lang::De, 2) => format!("{subject} ist {colour_de} und neu."),
        (Lang::En, 2) => format!("{subject} is {colour_en} and new."),
        (Lang::De, 3) => format!("Mit {} {} fahren wir in die Stadt.", v.dem(), v.de),
        (Lang::En, 3) => format!("We go to town in the {}.", v.en),
        (Lang::De, _) => format!("{subject} bringt die Familie zum Markt."),
        (Lang::En, _) => format!("{subject} takes the family to the market."),
    }
}

fn weather_sentence(rng: &mut Rng, lang: Lang) -> String {
    let &(season_de, season_en, hot) = pick(rng, SEASONS);
    let temp = if hot { HOT } else { COLD };
    let (t1, t2) = if rng.below(2) == 0 {
        (HOT, COLD)
    } else {
        (COLD, HOT)
    };
    let food = pick(rng, FOODS);
    match (lang, rng.below(5)) {
        (Lang::De, 0) => format!("Im {season_de} ist es {}.", temp.0),
        (Lang::En, 0) => format!("In {season_en} it is {}.", temp.1),
        (Lang::De, 1) => format!("Heute ist es sehr {}.", t1.0),
        (Lang::En, 1) => format!("Today it is very {}.", t1.1),
        (Lang::De, 2) => format!("{} {} ist {}.", cap(food.der()), food.de, t1.0),
        (Lang::En, 2) => format!("The {} is {}.", food.en, t1.1),
        (Lang::De, 3) => format!("Es ist nicht {}, es ist {}.", t1.0, t2.0),
        (Lang::En, 3) => format!("It is not {}, it is {}.", t1.1, t2.1),
        (Lang::De, _) => format!("Das Wasser ist {}.", t1.0),
        (Lang::En, _) => format!("The water is {}.", t1.1),
    }
}

fn colour_sentence(rng: &mut Rng, lang: Lang) -> String {
    let (thing, c) = *pick(rng, COLOURED);
    match lang {
        Lang::De => format!("{} {} ist {}.", cap(thing.der()), thing.de, COLOURS[c].0),
        Lang::En => format!("The {} is {}.", thing.en, COLOURS[c].1),
    }
}

fn school_sentence(rng: &mut Rng, lang: Lang) -> String {
    let a = rng.below(11);
    let b = rng.below(11);
    let teacher = if rng.below(2) == 0 { MEN[8] } else { WOMEN[8] };
    match (lang, rng.below(4)) {
        (Lang::De, 0) => "In der Schule lernen die Kinder lesen und schreiben.".to_string(),
        (Lang::En, 0) => "At school the children learn to read and write.".to_string(),
        (Lang::De, 1) => format!(
            "{} erklärt eine Aufgabe, und die Kinder hören zu.",
            the(lang, &teacher)
        ),
        (Lang::En, 1) => format!(
            "{} explains a task, and the children listen.",
            the(lang, &teacher)
        ),
        (Lang::De, 2) => format!(
            "Die Kinder rechnen: {} plus {} ist {}.",
            NUMBERS[a].0,
            NUMBERS[b].0,
            NUMBERS[a + b].0
        ),
        (Lang::En, 2) => format!(
            "The children count: {} plus {} is {}.",
            NUMBERS[a].1,
            NUMBERS[b].1,
            NUMBERS[a + b].1
        ),
        (Lang::De, _) => format!(
            "{} hat {} Äpfel.",
            the(lang, &person(rng).0),
            NUMBERS[a.max(2)].0
        ),
        (Lang::En, _) => format!(
            "{} has {} apples.",
            the(lang, &person(rng).0),
            NUMBERS[a.max(2)].1
        ),
    }
}

/// One random sentence of any kind.
pub fn sentence(rng: &mut Rng, lang: Lang) -> String {
    match rng.below(14) {
        0..=4 => person_sentence(rng, lang),
        5 => couple_sentence(rng, lang),
        6 | 7 => animal_sentence(rng, lang),
        8 | 9 => food_sentence(rng, lang),
        10 => vehicle_sentence(rng, lang),
        11 => weather_sentence(rng, lang),
        12 => colour_sentence(rng, lang),
        _ => school_sentence(rng, lang),
    }
}

/// A paragraph of 3–7 sentences in one language.
pub fn paragraph(rng: &mut Rng, lang: Lang) -> String {
    let n = 3 + rng.below(5);
    (0..n)
        .map(|_| sentence(rng, lang))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A short story: a child, a family member, the weather, something that happens, a meal.
pub fn story(rng: &mut Rng, lang: Lang) -> String {
    if rng.below(4) == 0 {
        return royal_story(rng, lang);
    }
    let &(name, g) = pick(rng, NAMES);
    let (he_de, he_en) = match g {
        Gender::F => ("sie", "she"),
        _ => ("er", "he"),
    };
    let rel = person(rng).0;
    let (pet, sound_de, sound_en) = ANIMALS[*pick(rng, PETS)];
    let &(season_de, season_en, hot) = pick(rng, SEASONS);
    let temp = if hot { HOT } else { COLD };
    let place = pick(rng, &PLACES[..7]);
    let food = pick(rng, FOODS);
    let v = VEHICLES[rng.below(3)];
    match lang {
        Lang::De => [
            format!("Es ist {season_de} und draussen ist es {}.", temp.0),
            format!("{name} geht mit {} {} {}.", rel.dem(), rel.de, place.1),
            format!("{} {} kommt mit und {}.", cap(pet.der()), pet.de, sound_de),
            if hot {
                format!(
                    "{} {} hat Durst, und {name} gibt {} Wasser.",
                    cap(pet.der()),
                    pet.de,
                    if pet.gender == Gender::F {
                        "ihr"
                    } else {
                        "ihm"
                    }
                )
            } else {
                format!("{name} trägt eine warme Jacke, denn es ist kalt.")
            },
            format!("Dann fahren sie mit {} {} nach Hause.", v.dem(), v.de),
            format!(
                "{} {} kocht das Essen: Es gibt {}.",
                cap(rel.der()),
                rel.de,
                food.de
            ),
            format!("Die Mahlzeit schmeckt gut, und {he_de} ist froh."),
        ]
        .join(" "),
        Lang::En => [
            format!("It is {season_en} and it is {} outside.", temp.1),
            format!("{name} goes {} with the {}.", place.2, rel.en),
            format!("The {} comes along and {sound_en}.", pet.en),
            if hot {
                format!("The {} is thirsty, and {name} gives it water.", pet.en)
            } else {
                format!("{name} wears a warm jacket, because it is cold.")
            },
            format!("Then they take the {} home.", v.en),
            format!("The {} cooks the food: there is {}.", rel.en, food.en),
            format!("The meal tastes good, and {he_en} is happy."),
        ]
        .join(" "),
    }
}

fn royal_story(rng: &mut Rng, lang: Lang) -> String {
    let r = royal(rng);
    let (animal, _, _) = ANIMALS[*pick(rng, &[0usize, 2, 4])];
    let colour = *pick(rng, COLOURS);
    match lang {
        Lang::De => format!(
            "Es war einmal {} {}. {} wohnte in einem grossen Schloss und regierte das Land. \
             Jeden Morgen trug {} eine goldene Krone. Im Schloss lebte auch {} {} {}. \
             Eines Tages sprach {} {} zum Volk, und alle hörten zu. Am Abend gab es ein grosses Essen.",
            if r.gender == Gender::F { "eine" } else { "ein" },
            r.de,
            cap(r.er()),
            r.er(),
            if animal.gender == Gender::F {
                "eine"
            } else {
                "ein"
            },
            colour.0.to_string()
                + if animal.gender == Gender::F {
                    "e"
                } else if animal.gender == Gender::N {
                    "es"
                } else {
                    "er"
                },
            animal.de,
            r.der(),
            r.de
        ),
        Lang::En => format!(
            "Once upon a time there was a {}. {} lived in a big castle and ruled the land. \
             Every morning {} wore a golden crown. A {} {} lived in the castle too. \
             One day the {} spoke to the people, and everyone listened. In the evening there was a big meal.",
            r.en,
            cap(r.he()),
            r.he(),
            colour.1,
            animal.en,
            r.en
        ),
    }
}
