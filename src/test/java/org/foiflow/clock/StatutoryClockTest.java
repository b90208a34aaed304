package org.foiflow.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every expected date below was counted by hand on a calendar against the gov.uk bank holiday lists for
 * England and Wales, Scotland and Northern Ireland, never taken from the code. "X" marks a day that is
 * not a working day anywhere in the UK; (n) is the n-th working day after receipt.
 *
 * <p>Quick check used throughout: with no holidays, a weekday receipt falls due on the same weekday four
 * weeks later (+28 days), a Saturday receipt on the Friday 27 days later, a Sunday one 26 days later;
 * each UK-wide non-working weekday in the window then pushes the date one working day on.
 */
class StatutoryClockTest {

  private static final UkWorkingDays WORKING_DAYS = new UkWorkingDays();
  private final StatutoryClock clock = new StatutoryClock(WORKING_DAYS);

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @ParameterizedTest(name = "received {0} -> due {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # ---- Christmas and New Year, every year ----
      2021-12-31 | 2022-02-01 | Fri; Mon 3 Jan X (New Year sub), Tue 4 Jan X (Scotland 2 Jan sub); Wed 5 (1) .. Fri 28 (18), Mon 31 (19), Tue 1 Feb (20)
      2022-12-16 | 2023-01-19 | Fri; 19-23 Dec (1-5), Mon 26 X Boxing, Tue 27 X Christmas sub, 28-30 (6-8), Mon 2 Jan X New Year sub, Tue 3 Jan X Scotland sub, Wed 4 (9) .. Thu 19 (20)
      2023-12-22 | 2024-01-25 | Fri; +28 = Fri 19 Jan; X Mon 25 Dec, Tue 26 Dec, Mon 1 Jan, Tue 2 Jan (Scotland): 4 more -> Mon 22, Tue 23, Wed 24, Thu 25
      2024-12-16 | 2025-01-17 | Mon; +28 = Mon 13 Jan; X Wed 25, Thu 26 Dec, Wed 1, Thu 2 Jan (Scotland): 4 more -> Tue 14 .. Fri 17
      2025-12-24 | 2026-01-27 | Wed; Thu 25 X, Fri 26 X, 29-31 Dec (1-3), Thu 1 X, Fri 2 Jan X (Scotland), 5-9 (4-8), 12-16 (9-13), 19-23 (14-18), Mon 26 (19), Tue 27 (20)
      2026-12-18 | 2027-01-21 | Fri; 21-24 (1-4), Fri 25 X, Mon 28 X Boxing sub, 29-31 (5-7), Fri 1 Jan X, Mon 4 Jan X Scotland 2 Jan sub, 5-8 (8-11), 11-15 (12-16), 18-21 (17-20)
      2027-12-23 | 2028-01-26 | Thu; Fri 24 (1), Mon 27 X Christmas sub, Tue 28 X Boxing sub, 29-31 (2-4), Mon 3 Jan X New Year sub, Tue 4 Jan X Scotland sub, 5-7 (5-7), 10-14 (8-12), 17-21 (13-17), 24-26 (18-20)
      # ---- Easter: Good Friday everywhere, Easter Monday in E/W/NI (not Scotland, still UK-wide here) ----
      2022-04-04 | 2022-05-05 | Mon; +28 = Mon 2 May; X Fri 15 Apr, Mon 18 Apr, Mon 2 May (early May): 3 more -> Tue 3, Wed 4, Thu 5 May
      2023-03-31 | 2023-05-03 | Fri; +28 = Fri 28 Apr; X Fri 7, Mon 10 Apr: 2 more, Mon 1 May X early May -> Tue 2 (19), Wed 3 (20)
      2024-03-15 | 2024-04-17 | Fri; Mon 18 Mar X (St Patrick sub, 17th is Sun), 19-22 (1-4), 25-28 (5-8), Fri 29 X, Mon 1 Apr X, 2-5 (9-12), 8-12 (13-17), 15-17 (18-20)
      2025-04-17 | 2025-05-20 | Thu before Good Friday; +28 = Thu 15 May; X Fri 18, Mon 21 Apr, Mon 5 May: 3 more -> Fri 16, Mon 19, Tue 20
      2026-04-03 | 2026-05-05 | received ON Good Friday; Mon 6 X Easter Mon; Tue 7 (1) .. Fri 1 May (19), Mon 4 May X early May, Tue 5 (20)
      2027-03-15 | 2027-04-15 | Mon; +28 = Mon 12 Apr; X Wed 17 Mar St Patrick, Fri 26 Mar Good Fri, Mon 29 Mar Easter Mon: 3 more -> Tue 13, Wed 14, Thu 15
      # ---- St Patrick's Day (NI) and its substitute ----
      2022-03-08 | 2022-04-06 | Tue; +28 = Tue 5 Apr; X Thu 17 Mar -> Wed 6 Apr
      2023-03-10 | 2023-04-12 | Fri; +28 = Fri 7 Apr, itself Good Friday; X Fri 17 Mar, Fri 7 Apr: 2 more, Mon 10 Apr X Easter Mon -> Tue 11 (19), Wed 12 (20)
      2024-03-17 | 2024-04-17 | received Sun 17 Mar (St Patrick's Day on a Sunday); Mon 18 X substitute, so day 1 is Tue 19; same due as the Friday before
      2025-03-12 | 2025-04-10 | Wed; +28 = Wed 9 Apr; X Mon 17 Mar -> Thu 10 Apr
      2026-03-14 | 2026-04-15 | received Sat; Sat+27 = Fri 10 Apr; X Tue 17 Mar, Fri 3 Apr, Mon 6 Apr: 3 more -> Mon 13, Tue 14, Wed 15
      # ---- 12 July (NI) and the Scottish August bank holiday (first Monday in August) ----
      2022-07-04 | 2022-08-03 | Mon; +28 = Mon 1 Aug, itself Scotland's August holiday; X Tue 12 Jul, Mon 1 Aug: 2 more -> Tue 2, Wed 3
      2023-07-05 | 2023-08-03 | Wed; +28 = Wed 2 Aug; X Wed 12 Jul -> Thu 3 Aug (Scotland's Mon 7 Aug comes after)
      2024-07-11 | 2024-08-12 | Thu; +28 = Thu 8 Aug; X Fri 12 Jul, Mon 5 Aug (Scotland): 2 more -> Fri 9, Mon 12
      2025-07-12 | 2025-08-12 | received Sat 12 Jul; Mon 14 X (Boyne sub), Tue 15 (1); Sat+27 = Fri 8 Aug; X Mon 14 Jul, Mon 4 Aug: 2 more -> Mon 11, Tue 12
      2026-07-10 | 2026-08-11 | Fri; +28 = Fri 7 Aug; X Mon 13 Jul (Boyne sub, 12th is Sun), Mon 3 Aug (Scotland): 2 more -> Mon 10, Tue 11
      2027-07-11 | 2027-08-10 | received Sun; Mon 12 Jul X; Sun+26 = Fri 6 Aug; X Mon 12 Jul, Mon 2 Aug: 2 more -> Mon 9, Tue 10
      # ---- Summer: Scotland first Monday of August vs E/W/NI last Monday of August ----
      2022-08-08 | 2022-09-06 | Mon; +28 = Mon 5 Sep; X Mon 29 Aug -> Tue 6 Sep
      2023-08-07 | 2023-09-05 | received ON Scotland's August holiday; Tue 8 (1) .. Fri 25 (14), Mon 28 X, Tue 29 (15) .. Mon 4 Sep (19), Tue 5 (20)
      2024-07-29 | 2024-08-28 | Mon; +28 = Mon 26 Aug; X Mon 5 Aug (Scotland), Mon 26 Aug (E/W/NI): 2 more -> Tue 27, Wed 28
      2025-08-01 | 2025-09-02 | Fri; +28 = Fri 29 Aug; X Mon 4 Aug, Mon 25 Aug: 2 more -> Mon 1, Tue 2 Sep
      2026-08-04 | 2026-09-02 | Tue; +28 = Tue 1 Sep; X Mon 31 Aug (Scotland's Mon 3 Aug was before receipt) -> Wed 2 Sep
      2027-07-30 | 2027-08-31 | Fri; +28 = Fri 27 Aug; X Mon 2 Aug: 1 more, Mon 30 Aug X -> Tue 31 Aug
      # ---- Early May and spring bank holidays, and the 2022/2023 one-offs ----
      2022-05-01 | 2022-05-30 | received Sun; Sun+26 = Fri 27 May; X Mon 2 May -> Mon 30 May, a working day in 2022 (spring holiday moved to Thu 2 Jun)
      2022-05-25 | 2022-06-24 | Wed; 26-27 (1-2), Mon 30 (3) working, Tue 31 (4), Wed 1 (5), Thu 2 X spring, Fri 3 X Platinum Jubilee, 6-10 (6-10), 13-17 (11-15), 20-24 (16-20)
      2022-08-29 | 2022-09-27 | received ON E/W/NI summer holiday; Tue 30 (1) .. Fri 16 Sep (14), Mon 19 Sep X Queen's funeral, Tue 20 (15) .. Mon 26 (19), Tue 27 (20)
      2022-09-19 | 2022-10-17 | received ON the Queen's funeral; Tue 20 Sep (1) .. Fri 14 Oct (19), Mon 17 Oct (20)
      2023-04-25 | 2023-05-25 | Tue; +28 = Tue 23 May; X Mon 1 May, Mon 8 May Coronation: 2 more -> Wed 24, Thu 25
      2023-05-16 | 2023-06-14 | Tue; +28 = Tue 13 Jun; X Mon 29 May -> Wed 14 Jun
      2024-05-01 | 2024-05-31 | Wed; +28 = Wed 29 May; X Mon 6 May, Mon 27 May: 2 more -> Thu 30, Fri 31
      2025-05-05 | 2025-06-03 | received ON early May holiday; Tue 6 (1) .. Fri 23 (14), Mon 26 X spring, Tue 27 (15) .. Mon 2 Jun (19), Tue 3 (20)
      2026-05-22 | 2026-06-23 | Fri; +28 = Fri 19 Jun; X Mon 25 May, Mon 15 Jun (Scotland World Cup, proclaimed under the 1971 Act): 2 more -> Mon 22, Tue 23
      2027-04-30 | 2027-06-01 | Fri; +28 = Fri 28 May; X Mon 3 May: 1 more, Mon 31 May X spring -> Tue 1 Jun
      # ---- St Andrew's Day (Scotland), 30 Nov or the Monday after when at a weekend ----
      2022-11-21 | 2022-12-20 | Mon; +28 = Mon 19 Dec; X Wed 30 Nov -> Tue 20 Dec
      2023-11-23 | 2023-12-22 | Thu; +28 = Thu 21 Dec; X Thu 30 Nov -> Fri 22 Dec
      2024-11-23 | 2024-12-23 | received Sat; Sat+27 = Fri 20 Dec; X Mon 2 Dec (St Andrew sub, 30th is Sat) -> Mon 23 Dec
      2024-11-29 | 2025-01-03 | Fri; Mon 2 Dec X, Tue 3 (1) .. Tue 24 (16), Wed 25 X, Thu 26 X, Fri 27 (17), Mon 30 (18), Tue 31 (19), Wed 1 X, Thu 2 X (Scotland), Fri 3 Jan (20)
      2025-11-21 | 2025-12-22 | Fri; +28 = Fri 19 Dec; X Mon 1 Dec (St Andrew sub, 30th is Sun) -> Mon 22 Dec
      2025-11-30 | 2025-12-31 | received Sun 30 Nov; Mon 1 Dec X sub, Tue 2 (1) .. Wed 24 (17), Thu 25 X, Fri 26 X, Mon 29 (18), Tue 30 (19), Wed 31 (20)
      2026-11-24 | 2026-12-23 | Tue; +28 = Tue 22 Dec; X Mon 30 Nov -> Wed 23 Dec
      2027-11-17 | 2027-12-16 | Wed; +28 = Wed 15 Dec; X Tue 30 Nov -> Thu 16 Dec
      # ---- No holidays in the window ----
      2023-10-07 | 2023-11-03 | received Sat; Mon 9 Oct (1); Sat+27 = Fri 3 Nov, no holidays
      2025-10-01 | 2025-10-29 | Wed; +28 = Wed 29 Oct, no holidays
      """)
  void twentiethWorkingDayFollowingReceipt(LocalDate receivedOn, LocalDate expectedDue, String count) {
    assertThat(clock.responseDue(receivedOn)).as(count).isEqualTo(expectedDue);
  }

  @Test
  void responseDueTakesOtherLimits() {
    // Wed 2025-10-01: 1 working day -> Thu 2 Oct; 5 -> Wed 8 Oct.
    assertThat(clock.responseDue(d("2025-10-01"), 1)).isEqualTo(d("2025-10-02"));
    assertThat(clock.responseDue(d("2025-10-01"), 5)).isEqualTo(d("2025-10-08"));
    assertThatThrownBy(() -> clock.responseDue(d("2025-10-01"), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eirComplexExtensionIsFortyWorkingDays() {
    // Received Fri 2022-12-16: 20th working day Thu 2023-01-19 (table above); 20 more: +28 = Thu 16 Feb,
    // no holidays between 20 Jan and 16 Feb 2023.
    assertThat(clock.eirComplexExtension(d("2022-12-16"))).isEqualTo(d("2023-02-16"));
    // Received Wed 2025-10-01: 20th Wed 29 Oct; +28 = Wed 26 Nov; St Andrew's sub Mon 1 Dec is after -> Wed 26 Nov.
    assertThat(clock.eirComplexExtension(d("2025-10-01"))).isEqualTo(d("2025-11-26"));
  }

  @Test
  void internalReviewIsTwentyOrFortyWorkingDays() {
    // Requested Mon 2025-03-03: +28 = Mon 31 Mar; X Mon 17 Mar (St Patrick) -> Tue 1 Apr.
    assertThat(clock.internalReviewDue(d("2025-03-03"), false)).isEqualTo(d("2025-04-01"));
    // Complex: 20 more after Tue 1 Apr: +28 = Tue 29 Apr; X Fri 18, Mon 21 Apr -> Wed 30 Apr, Thu 1 May.
    assertThat(clock.internalReviewDue(d("2025-03-03"), true)).isEqualTo(d("2025-05-01"));
  }

  @Nested
  class FeesPause {

    @Test
    void workingDaysFromNoticeToFeeInclusiveAreDisregarded() {
      // Received Mon 2024-09-02, due Mon 30 Sep (no September holidays). Notice Mon 9 Sep, fee Fri 20 Sep:
      // 10 working days disregarded -> Tue 1 .. Fri 4 Oct (4), Mon 7 .. Fri 11 (9), Mon 14 Oct (10).
      // Counted the long way: 3-6 Sep (1-4), skip 9-20 Sep, 23-27 (5-9), 30 Sep-4 Oct (10-14), 7-11 (15-19), Mon 14 (20).
      assertThat(clock.responseDue(d("2024-09-02"))).isEqualTo(d("2024-09-30"));
      assertThat(clock.afterFeesPause(d("2024-09-30"), d("2024-09-09"), d("2024-09-20")))
          .isEqualTo(d("2024-10-14"));
    }

    @Test
    void holidaysInsideThePauseAreNotCountedTwice() {
      // Received Fri 2022-12-16, due Thu 2023-01-19. Notice Fri 23 Dec, fee Wed 4 Jan: working days in
      // [23 Dec, 4 Jan] are Fri 23, Wed 28, Thu 29, Fri 30, Wed 4 = 5 (26, 27 Dec, 2, 3 Jan are holidays).
      // Thu 19 Jan + 5 -> Fri 20, Mon 23, Tue 24, Wed 25, Thu 26 Jan.
      assertThat(clock.afterFeesPause(d("2023-01-19"), d("2022-12-23"), d("2023-01-04")))
          .isEqualTo(d("2023-01-26"));
    }

    @Test
    void sameDayPayment() {
      // Notice and fee both on Wed 2025-10-08: one working day -> due Wed 29 Oct moves to Thu 30 Oct.
      assertThat(clock.afterFeesPause(d("2025-10-29"), d("2025-10-08"), d("2025-10-08"))).isEqualTo(d("2025-10-30"));
      // Both on Sat 2025-10-11: no working day disregarded.
      assertThat(clock.afterFeesPause(d("2025-10-29"), d("2025-10-11"), d("2025-10-11"))).isEqualTo(d("2025-10-29"));
    }

    @Test
    void feeBeforeNoticeIsRejected() {
      assertThatThrownBy(() -> clock.afterFeesPause(d("2025-10-29"), d("2025-10-10"), d("2025-10-09")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void clarificationStartsAFreshTwentyWorkingDays() {
    // Clarification received Thu 2025-12-18: +28 = Thu 15 Jan; X Thu 25, Fri 26 Dec, Thu 1, Fri 2 Jan (Scotland)
    // -> Fri 16, Mon 19, Tue 20, Wed 21 Jan 2026.
    assertThat(clock.afterClarification(d("2025-12-18"))).isEqualTo(d("2026-01-21"));
    // Clarification arriving on a Saturday: Sat 2023-10-07 -> Fri 3 Nov 2023, as for a request.
    assertThat(clock.afterClarification(d("2023-10-07"))).isEqualTo(d("2023-11-03"));
  }

  @Test
  void workingDaysRemaining() {
    LocalDate due = d("2026-01-27"); // Tue, 20th working day after Wed 2025-12-24
    assertThat(clock.workingDaysRemaining(due, d("2025-12-24"))).isEqualTo(20);
    // Wed 24 Dec to Mon 5 Jan: Mon 29, Tue 30, Wed 31 Dec, Mon 5 Jan = 4 used; 16 left.
    assertThat(clock.workingDaysRemaining(due, d("2026-01-05"))).isEqualTo(16);
    // Fri 2 Jan (Scotland) is not a working day: from Thu 1 Jan, 3 used (29, 30, 31), 17 left.
    assertThat(clock.workingDaysRemaining(due, d("2026-01-02"))).isEqualTo(17);
    assertThat(clock.workingDaysRemaining(due, d("2026-01-26"))).isEqualTo(1);
    assertThat(clock.workingDaysRemaining(due, due)).isZero();
    assertThat(clock.workingDaysRemaining(due, d("2026-01-28"))).isEqualTo(-1);
    // Fri 30 Jan: Wed 28, Thu 29, Fri 30 past due = -3; the weekend after adds nothing.
    assertThat(clock.workingDaysRemaining(due, d("2026-01-30"))).isEqualTo(-3);
    assertThat(clock.workingDaysRemaining(due, d("2026-01-31"))).isEqualTo(-3);
    assertThat(clock.workingDaysRemaining(due, d("2026-02-02"))).isEqualTo(-4);
  }

  @Test
  void followUpCountsBackInWorkingDays() {
    // Tue 2026-01-27 back 5: Mon 26, Fri 23, Thu 22, Wed 21, Tue 20.
    assertThat(clock.followUp(d("2026-01-27"), 5)).isEqualTo(d("2026-01-20"));
    // Thu 2023-01-19 back 10: 18, 17, 16, 13, 12, 11, 10, 9, 6, Thu 5 Jan.
    assertThat(clock.followUp(d("2023-01-19"), 10)).isEqualTo(d("2023-01-05"));
    // Fri 2025-01-03 back 3: Thu 2 X (Scotland), Wed 1 X, Tue 31 (1), Mon 30 (2), Fri 27 Dec (3).
    assertThat(clock.followUp(d("2025-01-03"), 3)).isEqualTo(d("2024-12-27"));
    assertThat(clock.followUp(d("2025-01-03"), 0)).isEqualTo(d("2025-01-03"));
    assertThatThrownBy(() -> clock.followUp(d("2025-01-03"), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publicInterestExtensionBeyondTwentyFurtherWorkingDaysExceedsGuidance() {
    // Original due Thu 2023-01-19; 20 further working days -> Thu 16 Feb 2023 (no holidays in between).
    LocalDate original = d("2023-01-19");
    assertThat(clock.extensionExceedsGuidance(original, d("2023-02-10"))).isFalse();
    assertThat(clock.extensionExceedsGuidance(original, d("2023-02-16"))).isFalse();
    assertThat(clock.extensionExceedsGuidance(original, d("2023-02-17"))).isTrue();
    // Original due Fri 2022-12-16: the 20th further working day is Thu 2023-01-19 (Christmas table row), the
    // four holidays in between do not count against the extension.
    assertThat(clock.extensionExceedsGuidance(d("2022-12-16"), d("2023-01-19"))).isFalse();
    assertThat(clock.extensionExceedsGuidance(d("2022-12-16"), d("2023-01-20"))).isTrue();
    // Past the 20th further working day even when the new date is a weekend: Wed 29 Oct 2025 is the 20th
    // after Wed 1 Oct, so Sat 1 Nov exceeds.
    assertThat(clock.extensionExceedsGuidance(d("2025-10-01"), d("2025-11-01"))).isTrue();
  }

  @Nested
  class Status {

    private final LocalDate due = d("2026-01-27"); // Tue

    @Test
    void pausedWinsEvenWhenOverdue() {
      assertThat(clock.status(due, d("2026-02-10"), 3, true)).isEqualTo(DeadlineStatus.PAUSED);
      assertThat(clock.status(due, d("2026-01-05"), 3, true)).isEqualTo(DeadlineStatus.PAUSED);
    }

    @Test
    void overdueOnceTodayIsAfterTheDueDate() {
      assertThat(clock.status(due, d("2026-01-28"), 3, false)).isEqualTo(DeadlineStatus.OVERDUE);
      // Due Fri 2026-01-23, today Sat 24: 0 working days remaining, but the day has passed.
      assertThat(clock.workingDaysRemaining(d("2026-01-23"), d("2026-01-24"))).isZero();
      assertThat(clock.status(d("2026-01-23"), d("2026-01-24"), 3, false)).isEqualTo(DeadlineStatus.OVERDUE);
    }

    @Test
    void atRiskWithinTheWindow() {
      // Thu 22 Jan: Fri 23, Mon 26, Tue 27 = 3 remaining.
      assertThat(clock.status(due, d("2026-01-22"), 3, false)).isEqualTo(DeadlineStatus.AT_RISK);
      // Wed 21 Jan: 4 remaining.
      assertThat(clock.status(due, d("2026-01-21"), 3, false)).isEqualTo(DeadlineStatus.ON_TRACK);
      // Sat 24 Jan: Mon 26, Tue 27 = 2 remaining.
      assertThat(clock.status(due, d("2026-01-24"), 2, false)).isEqualTo(DeadlineStatus.AT_RISK);
      assertThat(clock.status(due, due, 3, false)).isEqualTo(DeadlineStatus.AT_RISK);
      assertThat(clock.status(due, due, 0, false)).isEqualTo(DeadlineStatus.AT_RISK);
      assertThat(clock.status(due, d("2026-01-26"), 0, false)).isEqualTo(DeadlineStatus.ON_TRACK);
    }
  }
}
