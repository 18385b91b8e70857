import type { OfferingMode, Weekday, WeeklyWindow } from '@haven/contracts';
import { WEEKDAYS } from '@haven/contracts';

/**
 * A realistic demo marketplace, generated without I/O: counselors across specialties, languages and
 * time zones, with weekly hours, offerings from Rs 30 and free first chats, and reviews. The same
 * seed gives the same marketplace; only ids and instants are supplied by the caller.
 */

export interface SeedOffering {
  title: string;
  mode: OfferingMode;
  durationMinutes: number;
  pricePaise: number;
}

export interface SeedReview {
  /** Index into the marketplace's clients. */
  client: number;
  rating: number;
  comment: string | null;
  /** How long before the seeding the reviewed session took place. */
  daysAgo: number;
}

export interface SeedCounselor {
  name: string;
  bio: string;
  qualifications: string[];
  registrationBody: string;
  yearsExperience: number;
  languages: string[];
  specialties: string[];
  gender: string | null;
  timezone: string;
  weekly: WeeklyWindow[];
  bufferMinutes: number;
  minNoticeMinutes: number;
  maxAdvanceDays: number;
  slotIntervalMinutes: number | null;
  offerings: SeedOffering[];
  reviews: SeedReview[];
}

export interface Marketplace {
  counselors: SeedCounselor[];
  /** First names of the clients who wrote the reviews (the first is the demo client). */
  clients: string[];
}

const FIRST_NAMES = [
  'Aarav',
  'Ananya',
  'Vihaan',
  'Diya',
  'Arjun',
  'Ishita',
  'Kabir',
  'Meera',
  'Rohan',
  'Priya',
  'Aditya',
  'Kavya',
  'Siddharth',
  'Nandini',
  'Farhan',
  'Zoya',
  'Harpreet',
  'Gurleen',
  'Lakshmi',
  'Karthik',
  'Sneha',
  'Rahul',
  'Fatima',
  'Imran',
  'Tanvi',
  'Devika',
  'Joseph',
  'Mary',
  'Anirban',
  'Sohini',
  'Pooja',
  'Varun',
  'Shreya',
  'Nikhil',
  'Aisha',
  'Yash',
  'Radhika',
  'Manish',
  'Leela',
  'Tenzin',
];
const LAST_NAMES = [
  'Sharma',
  'Iyer',
  'Reddy',
  'Banerjee',
  'Khan',
  'Singh',
  'Nair',
  'Patel',
  'Menon',
  'Das',
  'Gupta',
  'Kulkarni',
  'Chatterjee',
  'Fernandes',
  'Pillai',
  'Joshi',
  'Mukherjee',
  'Rao',
  'Shah',
  'Bhat',
  'Sethi',
  'Qureshi',
  'DSouza',
  'Verma',
  'Ghosh',
];
const SPECIALTIES = [
  'addiction',
  'anger',
  'anxiety',
  'career',
  'depression',
  'family',
  'grief',
  'lgbtq',
  'micro-cheating',
  'parenting',
  'relationships',
  'self-esteem',
  'sleep',
  'stress',
  'trauma',
];
const SPECIALTY_PHRASES: Record<string, string> = {
  addiction: 'recovering from alcohol, gaming and other addictions',
  anger: 'understanding and managing anger',
  anxiety: 'anxiety, panic attacks and constant worry',
  career: 'career decisions, burnout and workplace conflict',
  depression: 'low mood and depression',
  family: 'family conflict and joint-family life',
  grief: 'grief after the loss of someone close',
  lgbtq: 'affirming support for LGBTQ+ people and their families',
  'micro-cheating': 'trust, boundaries and micro-cheating in relationships',
  parenting: 'parenting young children and teenagers',
  relationships: 'couples and relationship difficulties',
  'self-esteem': 'self-esteem and self-worth',
  sleep: 'insomnia and sleep problems',
  stress: 'stress at work and at home',
  trauma: 'healing from trauma and abuse',
};
/** Languages of Indian counselors and the diaspora, weighted towards the most spoken. */
const LANGUAGES = ['hi', 'ta', 'te', 'bn', 'mr', 'kn', 'ml', 'gu', 'pa', 'ur', 'or', 'as'];
/** Most counselors work on Indian time; some from the diaspora. */
const TIMEZONES = [
  'Asia/Kolkata',
  'Asia/Kolkata',
  'Asia/Kolkata',
  'Asia/Kolkata',
  'Asia/Kolkata',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Asia/Singapore',
  'Europe/London',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kathmandu',
];
const QUALIFICATIONS = [
  'M.A. Clinical Psychology',
  'M.Phil. Clinical Psychology',
  'M.Sc. Counselling Psychology',
  'MSW (Psychiatric Social Work)',
  'PG Diploma in Guidance and Counselling',
  'Certified CBT Practitioner',
  'Certified Family Therapist',
];
const REGISTRATION_BODIES = [
  'Rehabilitation Council of India',
  'Counsellors Council of India',
  'Indian Association of Clinical Psychologists',
];
/** Weekly hours, in the counselor's own time zone. */
const HOURS: { days: readonly Weekday[]; windows: [string, string][] }[] = [
  {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    windows: [
      ['09:00', '13:00'],
      ['14:00', '18:00'],
    ],
  },
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], windows: [['17:00', '21:00']] },
  { days: ['mon', 'wed', 'fri', 'sat'], windows: [['10:00', '16:00']] },
  {
    days: ['tue', 'thu', 'sat', 'sun'],
    windows: [
      ['08:00', '12:00'],
      ['18:00', '21:30'],
    ],
  },
  { days: ['sat', 'sun'], windows: [['09:30', '17:30']] },
  {
    days: WEEKDAYS,
    windows: [
      ['07:00', '09:00'],
      ['20:00', '23:00'],
    ],
  },
];
const COMMENTS = [
  'Felt heard from the first session.',
  'Practical and kind. The exercises helped me sleep again.',
  'Helped me talk to my parents without fighting.',
  'Very patient, and never judged me.',
  'Good, though sessions sometimes ran late.',
  'I finally understand where my anxiety comes from.',
  null,
  null,
];
const MODES: OfferingMode[] = ['video', 'audio', 'chat'];
/** Rs 30 to Rs 2,500. */
const PRICES_PAISE = [3000, 4900, 9900, 19900, 29900, 49900, 79900, 99900, 149900, 250000];

/** mulberry32: small, fast and good enough for demo data. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateMarketplace(counselorCount: number, clientCount = 40, seed = 2026): Marketplace {
  const random = randomSource(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const count = min + Math.floor(random() * (max - min + 1));
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
    return chosen;
  };

  const clients = Array.from({ length: clientCount }, (_, index) => (index === 0 ? 'Demo' : pick(FIRST_NAMES)));
  const counselors: SeedCounselor[] = [];
  for (let index = 0; index < counselorCount; index += 1) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length];
    const round = Math.floor(index / (FIRST_NAMES.length * LAST_NAMES.length));
    const name = `${first} ${last}${round > 0 ? ` ${round + 1}` : ''}`;
    const specialties = some(SPECIALTIES, 1, 4);
    const languages = ['en', ...some(LANGUAGES, 0, 2)];
    const yearsExperience = 1 + Math.floor(random() * 25);
    const hours = pick(HOURS);
    const weekly = hours.days.flatMap((day) => hours.windows.map(([start, end]) => ({ day, start, end })));
    const bio =
      `${first} has ${yearsExperience} years of experience helping people with ` +
      `${specialties.map((slug) => SPECIALTY_PHRASES[slug]).join('; ')}. ` +
      `Sessions are warm, confidential and practical, in ${languages.length > 1 ? 'several languages' : 'English'}.`;

    const offerings: SeedOffering[] = [];
    // The demo counselor always offers a free first chat, so the demo client has sessions with them.
    if (index === 0 || random() < 0.6)
      offerings.push({ title: 'Free first chat', mode: 'chat', durationMinutes: 15, pricePaise: 0 });
    const paid = 1 + Math.floor(random() * 2);
    for (let n = 0; n < paid; n += 1) {
      const mode = pick(MODES);
      const durationMinutes = pick([30, 45, 60]);
      offerings.push({
        title: `${durationMinutes}-minute ${mode} session`,
        mode,
        durationMinutes,
        pricePaise: pick(PRICES_PAISE),
      });
    }

    // Reviews follow completed free first chats (seeded as such, without payments to reconcile).
    const reviewCount = offerings[0].pricePaise === 0 ? Math.floor(random() * 5) : 0;
    const reviews: SeedReview[] = Array.from({ length: reviewCount }, () => ({
      client: Math.floor(random() * clientCount),
      rating: pick([3, 4, 4, 5, 5, 5]),
      comment: pick(COMMENTS),
      daysAgo: 2 + Math.floor(random() * 120),
    }));

    counselors.push({
      name,
      bio,
      qualifications: some(QUALIFICATIONS, 1, 2),
      registrationBody: pick(REGISTRATION_BODIES),
      yearsExperience,
      languages,
      specialties,
      gender: pick(['female', 'male', 'female', 'non-binary', null]),
      timezone: pick(TIMEZONES),
      weekly,
      bufferMinutes: pick([0, 5, 10, 15]),
      minNoticeMinutes: pick([60, 120, 240, 720]),
      maxAdvanceDays: pick([30, 45, 60, 90]),
      slotIntervalMinutes: pick([null, null, 30]),
      offerings,
      reviews,
    });
  }
  return { counselors, clients };
}
