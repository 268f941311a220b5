// Internal: the astronomy behind the lunar calendar, after Jean Meeus, "Astronomical
// Algorithms" (2nd ed., 1998), chapters 25 (solar coordinates) and 49 (phases of the Moon),
// with ΔT from the Espenak–Meeus polynomials (NASA, 2006).
#pragma once

namespace parindex::astronomy {

// ΔT = TT − UT in seconds, for a decimal year.
double delta_t_seconds(double year);

// Julian Ephemeris Day (TT) of the true new moon number k; k = 0 is the new moon of
// 2000-01-06.
double new_moon_jde(long k);

// The Sun's apparent ecliptic longitude in degrees [0, 360) at a Julian Day in UT.
double sun_longitude(double jd_ut);

// TT → UT for a Julian Day.
double tt_to_ut(double jde);

}  // namespace parindex::astronomy
