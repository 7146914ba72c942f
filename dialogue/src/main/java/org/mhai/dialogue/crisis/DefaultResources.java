// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.dialogue.crisis;

import java.util.List;
import java.util.Map;
import org.mhai.dialogue.crisis.Helplines.Helpline;

/**
 * The built-in child-protection and domestic-abuse lines (admins may replace them, see
 * {@link Helplines#with}). "eu" is the fallback for every other locale: the EU-wide harmonised
 * numbers 116 111 (children) and 116 016 (violence against women), and 112.
 */
final class DefaultResources {
  private DefaultResources() {}

  private static final Helpline EU_112 = new Helpline("EU", "Emergency number", "112", "police, ambulance, 24/7");

  static final Map<String, List<Helpline>> SAFEGUARDING = Map.of(
      "en-US", List.of(new Helpline("US", "Childhelp National Child Abuse Hotline", "1-800-422-4453", "call or text, 24/7")),
      "en-GB", List.of(new Helpline("UK", "NSPCC Helpline", "0808 800 5000", "for adults worried about a child"),
          new Helpline("UK", "Childline", "0800 1111", "for children and young people, free, 24/7")),
      "en-IE", List.of(new Helpline("Ireland", "ISPCC Childline", "1800 66 66 66", "free, 24/7"),
          new Helpline("Ireland", "Tusla Child and Family Agency", "01 771 8500", "to report a concern about a child")),
      "en-CA", List.of(new Helpline("Canada", "Kids Help Phone", "1-800-668-6868", "24/7; call your local child protection "
          + "service to report")),
      "en-AU", List.of(new Helpline("Australia", "Kids Helpline", "1800 55 1800", "free, 24/7")),
      "es-ES", List.of(new Helpline("España", "Fundación ANAR (menores en riesgo)", "900 20 20 10", "gratuito, 24 h"),
          new Helpline("España", "Teléfono ANAR para adultos y familias", "600 50 51 52", "24 h")),
      "es-MX", List.of(new Helpline("México", "Emergencias (maltrato infantil)", "911", "24 h"),
          new Helpline("México", "Consejo Ciudadano, línea de ayuda", "55 5533 5533", "24 h")),
      "en", List.of(new Helpline("EU", "Child helpline", "116 111", "free in most EU countries"), EU_112),
      "es", List.of(new Helpline("UE", "Línea de ayuda a la infancia", "116 111", "gratuita en la mayoría de países de la UE"),
          EU_112),
      "eu", List.of(new Helpline("EU", "Child helpline", "116 111", "free in most EU countries"), EU_112));

  static final Map<String, List<Helpline>> DOMESTIC_ABUSE = Map.of(
      "en-US", List.of(new Helpline("US", "National Domestic Violence Hotline", "1-800-799-7233", "24/7, or text START to 88788")),
      "en-GB", List.of(new Helpline("UK", "National Domestic Abuse Helpline", "0808 2000 247", "free, 24/7")),
      "en-IE", List.of(new Helpline("Ireland", "Women's Aid", "1800 341 900", "free, 24/7")),
      "en-CA", List.of(new Helpline("Canada (Ontario)", "Assaulted Women's Helpline", "1-866-863-0511", "24/7")),
      "en-AU", List.of(new Helpline("Australia", "1800RESPECT", "1800 737 732", "24/7")),
      "es-ES", List.of(new Helpline("España", "016, atención a víctimas de violencia de género", "016", "gratuito, 24 h, "
          + "no deja rastro en la factura")),
      "es-MX", List.of(new Helpline("México", "Red Nacional de Refugios", "800 822 4460", "24 h")),
      "en", List.of(new Helpline("EU", "Helpline for women victims of violence", "116 016", "in many EU countries"), EU_112),
      "es", List.of(new Helpline("UE", "Línea de atención a víctimas de violencia", "116 016", "en muchos países de la UE"),
          EU_112),
      "eu", List.of(new Helpline("EU", "Helpline for women victims of violence", "116 016", "in many EU countries"), EU_112));
}
