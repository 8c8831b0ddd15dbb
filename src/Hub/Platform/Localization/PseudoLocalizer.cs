using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Microsolidarity.Hub.Platform.Localization;

/// <summary>
/// Wraps the resource files' localizers: in the pseudo-locale, each English string comes back as
/// <see cref="PseudoText"/>; in every other language, the localizer answers as it is.
/// </summary>
public sealed class PseudoLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(inner.Create(baseName, location));

    private sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        private static bool Pseudo => CultureInfo.CurrentUICulture.Name == Languages.Pseudo;

        public LocalizedString this[string name] => Pseudo ? Wrap(inner[name]) : inner[name];

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                if (!Pseudo)
                {
                    return inner[name, arguments];
                }
                var format = Wrap(inner[name]);
                return format.ResourceNotFound ? inner[name, arguments]
                    : new(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), false, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        // A key with no English either stays as it is, unmarked: the browser test sees it as a leak.
        private static LocalizedString Wrap(LocalizedString english) =>
            english.ResourceNotFound ? english : new(english.Name, PseudoText.From(english.Value), false, english.SearchedLocation);
    }
}
