//! A realistic, fictional history for trying the app, screenshots and
//! benchmarks. Deterministic: the same arguments give the same data.

pub mod team;

use crate::clock::now_stamp;
use crate::error::{CoreError, Result};
use crate::storage::store::Store;
use crate::week::IsoWeek;
use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;

#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub weeks: u32,
    pub notes_per_week: u32,
    pub today: NaiveDate,
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub reflections: u32,
    pub notes: u32,
}

/// splitmix64: tiny, good enough for fictional data, and dependency-free.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    pub(crate) fn rating(&mut self) -> u8 {
        1 + self.below(5) as u8
    }
}

struct Texts {
    happened: &'static [&'static str],
    trust_control: &'static [&'static str],
    learned: &'static [&'static str],
    next_try: &'static [&'static str],
    followup: &'static [&'static str],
    note_titles: &'static [&'static str],
    note_bodies: &'static [&'static str],
}

const DA: Texts = Texts {
    happened: &[
        "Budgetmødet trak ud, og teamet måtte selv prioritere opgaverne i to dage.",
        "Sofie tog ansvar for kundesagen uden at spørge mig først. Det gik fint.",
        "Vi havde en svær samtale om vagtplanen, hvor flere var frustrerede over uklare rammer.",
        "Jeg var på kursus onsdag og torsdag, og teamet klarede driften selv.",
        "Ny medarbejder startede, og Søren tog sig af introduktionen.",
        "Ledelsesgruppen besluttede nye KPI'er, som jeg skulle forklare for teamet.",
        "En fejl i leverancen blev opdaget sent, og jeg fik lyst til at overtage det hele.",
    ],
    trust_control: &[
        "Jeg stolede på, at Mads kunne lede projektmødet. Jeg kontrollerede dog referatet bagefter.",
        "Jeg gav slip på detaljerne i planlægningen, men bad om en status hver dag. Det var for meget.",
        "Tillid: jeg lod Anne beslutte leverandøren. Kontrol: jeg rettede i hendes præsentation.",
        "Jeg holdt mig fra at blande mig i prioriteringen, selvom det kriblede i fingrene.",
        "Jeg spurgte i stedet for at fortælle, og fik bedre løsninger end mine egne.",
    ],
    learned: &[
        "Når rammen er tydelig, behøver jeg ikke følge op så tit.",
        "Mine spørgsmål virker stærkere end mine svar.",
        "Jeg kontrollerer mest, når jeg selv er presset, ikke når opgaven er svær.",
        "Forventningsafstemning før opgaven sparer mig for kontrol bagefter.",
        "Anerkendelse af indsatsen betyder mere end jeg tror.",
        "Psykologisk tryghed opstår, når jeg selv indrømmer en fejl først.",
    ],
    next_try: &[
        "Uddelegere beslutningen om sommerplanen helt til teamet.",
        "Spørge Rasmus, hvad han har brug for, før jeg foreslår noget.",
        "Aftale succeskriterier for projektet i stedet for at følge op dagligt.",
        "Give én anerkendende SBI-feedback hver dag.",
        "Forklare baggrunden for budgetbeslutningen på teammødet.",
    ],
    followup: &[
        "Det gik bedre end ventet. Teamet tog over, og jeg holdt mig i baggrunden.",
        "Halvvejs: jeg glemte det om tirsdagen, men fik det gjort torsdag.",
        "Jeg nåede det ikke. Ugen blev for travl, og jeg faldt tilbage i gamle vaner.",
        "Det virkede. Jeg fik et godt spørgsmål tilbage, som jeg ikke havde tænkt på.",
    ],
    note_titles: &[
        "Tanker efter teammødet",
        "Idé til næste 1:1",
        "Sparring med Lærke",
        "Notat om trivsel",
        "Efter kurset",
        "Noget at huske",
    ],
    note_bodies: &[
        "Teamet virker trygt ved at sige fra. Det skal jeg passe på.\n\n- spørg mere\n- fortæl mindre",
        "Husk at **anerkende** indsatsen, ikke kun resultatet. Rammen skal være klar: opgave, ramme, succes.",
        "Mikroledelse sniger sig ind, når jeg er bekymret. Hvad er jeg egentlig bange for?",
        "Kerneopgaven er tydelig for mig, men er den det for alle? Tag det op på næste møde.",
        "Ærlighed og åbenhed om usikkerhed gør mig mere troværdig, ikke mindre.",
    ],
};

const EN: Texts = Texts {
    happened: &[
        "The budget meeting ran long, so the team set their own priorities for two days.",
        "A customer escalation came in and the team handled it without me.",
        "We had a difficult conversation about the rota; people were frustrated by unclear frames.",
        "I was away on the course, and the team ran operations on their own.",
        "Senior management announced new KPIs that I had to explain to the team.",
    ],
    trust_control: &[
        "I trusted Jonas to run the planning meeting, but I rewrote the minutes afterwards.",
        "I let go of the schedule details, yet asked for a daily status. Too much.",
        "Trust: the team chose the supplier. Control: I checked every line of the contract.",
        "I asked instead of telling, and got better ideas than my own.",
    ],
    learned: &[
        "When the frame is clear I do not need to check in so often.",
        "I control most when I am under pressure, not when the task is hard.",
        "Setting expectations up front saves me from checking up afterwards.",
        "Admitting my own mistake first made it safe for others to speak.",
    ],
    next_try: &[
        "Delegate the holiday planning decision entirely to the team.",
        "Agree success criteria for the project instead of daily follow-ups.",
        "Give one appreciative SBI feedback every day.",
        "Explain the reasoning behind the budget decision at the team meeting.",
    ],
    followup: &[
        "It went better than expected; I stayed in the background.",
        "Half done: I forgot on Tuesday but did it on Thursday.",
        "I did not get to it. A busy week pulled me back into old habits.",
    ],
    note_titles: &[
        "Thoughts after the team meeting",
        "Idea for the next one-on-one",
        "After the course module",
        "Something to remember",
    ],
    note_bodies: &[
        "Ask more, tell less. The team is ready for more **room to act**.",
        "Micromanagement creeps in when I worry. What am I actually afraid of?",
        "Is the core task as clear to everyone as it is to me? Raise it next week.",
    ],
};

const TAGS: &[&str] = &[
    "uddelegering",
    "feedback",
    "forventninger",
    "trivsel",
    "psykologisk-tryghed",
    "kursus",
    "delegation",
    "sparring",
];

const ANSWERS: &[&str] = &[
    "Det var sværere end jeg troede at holde mig ude af det, men resultatet blev godt.",
    "Jeg nåede det kun halvt; næste gang sætter jeg tid af i kalenderen.",
    "Teamet tog imod det med det samme. Jeg undervurderede dem.",
    "Jeg lagde mærke til, at jeg spurgte mere og fortalte mindre.",
    "Det gav en god snak om, hvad vi egentlig forventer af hinanden.",
];

impl Store {
    /// Completes the program's exercise, with answers, in most past reflected weeks,
    /// oldest first so the rotation unfolds as it would have.
    fn fill_demo_program(&mut self, this_week: IsoWeek, weeks: u32, rng: &mut Rng) -> Result<()> {
        let mut week = this_week;
        for _ in 0..weeks {
            week = week.previous();
        }
        while week < this_week {
            let w = self.program_week(week, crate::locale::Lang::Da)?;
            // A week without a reflection stays a quiet week: completing the
            // exercise would start that week's reflection.
            let reflected = self.reflection(week)?.is_some();
            if rng.below(5) > 0 && reflected {
                let answers: Vec<crate::journal::model::ExerciseAnswer> = w
                    .exercise
                    .map(|e| e.text.questions)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|q| crate::journal::model::ExerciseAnswer {
                        question: q,
                        answer: rng.pick(ANSWERS).to_string(),
                    })
                    .collect();
                self.complete_exercise(week, &answers, crate::locale::Lang::Da)?;
            } else {
                self.skip_exercise(week, crate::locale::Lang::Da)?;
            }
            week = week.next();
        }
        Ok(())
    }

    /// Fills an empty store with `weeks` weeks of reflections, ending this
    /// week, and `notes_per_week` notes in each. Refuses a non-empty store.
    pub fn fill_demo(&mut self, o: &DemoOptions) -> Result<DemoSummary> {
        if !self.is_empty()? {
            return Err(CoreError::NotEmpty(self.dir().to_path_buf()));
        }
        let mut rng = Rng(o.seed);
        let this_week = IsoWeek::containing(o.today);
        let now = now_stamp();
        let mut summary = DemoSummary {
            reflections: 0,
            notes: 0,
        };
        let tx = self.conn.transaction()?;
        {
            let mut ins_entry = tx.prepare(
                "INSERT INTO entry (uid, kind, entry_date, year, iso_year, iso_week, title, body,
                    followup, happened, trust_control, learned, next_try,
                    rating_org, rating_rel, rating_ind, energy, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19)",
            )?;
            let mut ins_tag =
                tx.prepare("INSERT OR IGNORE INTO entry_tag (entry_id, tag) VALUES (?1, ?2)")?;
            let mut week = this_week;
            for i in 0..o.weeks {
                if i > 0 {
                    week = week.previous();
                }
                let t = if rng.below(10) < 7 { &DA } else { &EN };
                // About one week in ten is skipped, as in real life.
                let skipped = i > 0 && rng.below(10) == 0;
                if !skipped {
                    let status = if week == this_week { "draft" } else { "done" };
                    ins_entry.execute(params![
                        format!("reflection-{week}"),
                        "reflection",
                        week.sunday().to_string(),
                        week.year,
                        week.year,
                        week.week,
                        "",
                        rng.pick(t.note_bodies),
                        rng.pick(t.followup),
                        rng.pick(t.happened),
                        rng.pick(t.trust_control),
                        rng.pick(t.learned),
                        rng.pick(t.next_try),
                        rng.rating(),
                        rng.rating(),
                        rng.rating(),
                        rng.rating(),
                        status,
                        now,
                    ])?;
                    let id = tx.last_insert_rowid();
                    ins_tag.execute(params![id, rng.pick(TAGS)])?;
                    summary.reflections += 1;
                }
                for n in 0..o.notes_per_week {
                    let day = week.monday() + Duration::days(rng.below(7) as i64);
                    if day > o.today {
                        continue;
                    }
                    let t = if rng.below(10) < 7 { &DA } else { &EN };
                    ins_entry.execute(params![
                        format!("note-demo-{week}-{n}"),
                        "note",
                        day.to_string(),
                        day.year(),
                        week.year,
                        week.week,
                        rng.pick(t.note_titles),
                        rng.pick(t.note_bodies),
                        "",
                        "",
                        "",
                        "",
                        "",
                        None::<u8>,
                        None::<u8>,
                        None::<u8>,
                        None::<u8>,
                        "draft",
                        now,
                    ])?;
                    let id = tx.last_insert_rowid();
                    if rng.below(2) == 0 {
                        ins_tag.execute(params![id, rng.pick(TAGS)])?;
                    }
                    summary.notes += 1;
                }
            }
        }
        tx.commit()?;
        self.fill_demo_team(o.today, o.weeks.min(52), &mut rng)?;
        self.fill_demo_program(this_week, o.weeks.min(40), &mut rng)?;
        Ok(summary)
    }
}
