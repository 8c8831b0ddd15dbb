namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// The hub's words, one resource file per language beside this class (Strings.resx is English; Strings.es.resx,
/// Strings.de.resx, Strings.pt-PT.resx, Strings.fr.resx the others). Pages and emails ask for them with
/// <c>IStringLocalizer&lt;Strings&gt;</c>; keys name where a string is used ("Nav.Handbook", "SignUp.NameHint").
/// </summary>
public sealed class Strings;
