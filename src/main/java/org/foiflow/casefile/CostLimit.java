package org.foiflow.casefile;

/**
 * foiflow.cost-limit in application.yaml (which documents it): the hourly rate at which staff time is costed and the
 * appropriate limit over which a request is refused (s.12) that a new case carries. Unless configured, they are the
 * jurisdiction's: the Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004 in
 * the UK (£25 an hour, £450), the Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004
 * (SSI 2004/467) in Scotland (£15 an hour, £600). {@link CostLimitSetting} makes the bean.
 */
public record CostLimit(int hourlyRatePounds, int limitPounds) {

  /** £25 an hour (reg. 4(4)); also for UK cases that do not carry their own. */
  public static final String DEFAULT_HOURLY_RATE_POUNDS = "25";
  /** £450 for authorities outside central government (reg. 3(3)); also for UK cases that do not carry their own. */
  public static final String DEFAULT_LIMIT_POUNDS = "450";
  /** SSI 2004/467 reg. 3(2)(b): staff time is costed at no more than £15 an hour. */
  public static final String SCOTTISH_HOURLY_RATE_POUNDS = "15";
  /** SSI 2004/467 reg. 5: the prescribed amount over which FOISA s.12(1) lets an authority refuse, £600. */
  public static final String SCOTTISH_LIMIT_POUNDS = "600";

  /** The jurisdiction's rate and limit. */
  public static CostLimit of(Jurisdiction jurisdiction) {
    return jurisdiction == Jurisdiction.SCOTLAND
        ? new CostLimit(Integer.parseInt(SCOTTISH_HOURLY_RATE_POUNDS), Integer.parseInt(SCOTTISH_LIMIT_POUNDS))
        : new CostLimit(Integer.parseInt(DEFAULT_HOURLY_RATE_POUNDS), Integer.parseInt(DEFAULT_LIMIT_POUNDS));
  }

  /** The jurisdiction's rate and limit, each replaced by the configured one where it is given. */
  public static CostLimit of(Jurisdiction jurisdiction, Integer hourlyRatePounds, Integer limitPounds) {
    CostLimit defaults = of(jurisdiction);
    return new CostLimit(hourlyRatePounds != null ? hourlyRatePounds : defaults.hourlyRatePounds(),
        limitPounds != null ? limitPounds : defaults.limitPounds());
  }
}
