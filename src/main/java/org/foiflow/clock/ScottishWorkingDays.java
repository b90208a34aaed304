package org.foiflow.clock;

/**
 * Working days as FOISA s.73 defines them (and EISR reg 2(1) by reference to it): any day other than a Saturday,
 * a Sunday, Christmas Day, or a day that is a bank holiday in Scotland under the Banking and Financial Dealings Act
 * 1971. Unlike FOIA s.10(6) only Scotland's own holidays count: 2 January, the first Monday of August, St Andrew's
 * Day (or the Monday after it when it falls at a weekend), Boxing Day, their substitute days and the one-off days
 * appointed by proclamation (2 and 3 June 2022, 19 September 2022, 8 May 2023, 15 June 2026); Easter Monday and
 * England's late-August holiday are working days.
 *
 * <p>The days come from jollyday's Scotland subdivision ("sct") alone. jollyday 2.19 was checked day by day against
 * the gov.uk list for 2019 to 2027 and needs no correction; {@code ScottishBankHolidaysTest} keeps it honest for
 * every day gov.uk publishes.
 */
public class ScottishWorkingDays extends UkWorkingDays {

  /** The jollyday subdivision of the United Kingdom calendar for Scotland. */
  public static final String SCOTLAND = "sct";

  public ScottishWorkingDays() {
    super(ukHolidays(), SCOTLAND);
  }
}
