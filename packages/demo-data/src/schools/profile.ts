/** A college (or 系 on a branch campus) the generator can open, with the majors its classes are named after. */
export interface CollegeProfile {
  name: string;
  majors: string[];
  /** Share of women among its students: nursing is mostly women, mechanical engineering mostly men. */
  femaleShare: number;
  /** Relative size against the school's other colleges. */
  weight: number;
}

/** What the generator knows about one seed school beyond its network levels. */
export interface SchoolProfile {
  code: string;
  name: string;
  nameEn: string;
  /** In the order the school lists them; the generator opens the first 6-10. */
  colleges: CollegeProfile[];
  bedsPerRoom: number;
  /** Round head count of the order the school publishes; the staffing and funding formulas use it. */
  enrolledStudents: number;
  centerStaff: { fullTime: number; partTime: number };
}
