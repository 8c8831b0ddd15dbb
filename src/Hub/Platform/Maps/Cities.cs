namespace Microsolidarity.Hub.Platform.Maps;

/// <summary>
/// Large cities a host can pick to place a congregation without looking up numbers: the centre of
/// each to two decimals (about a kilometre), which is as precise as a congregation's place should be
/// on a public map. Written for the hub; see README.md beside this file.
/// </summary>
public static class Cities
{
    public sealed record City(string Name, string Country, double Latitude, double Longitude)
    {
        /// <summary>What the picker shows and sends: unique, because the list has one city of each name.</summary>
        public string Label => $"{Name}, {Country}";
    }

    public static readonly IReadOnlyList<City> All =
    [
        new("Accra", "Ghana", 5.60, -0.19),
        new("Addis Ababa", "Ethiopia", 9.03, 38.74),
        new("Amsterdam", "Netherlands", 52.37, 4.90),
        new("Athens", "Greece", 37.98, 23.73),
        new("Auckland", "New Zealand", -36.85, 174.76),
        new("Austin", "United States", 30.27, -97.74),
        new("Bangkok", "Thailand", 13.76, 100.50),
        new("Barcelona", "Spain", 41.39, 2.17),
        new("Beijing", "China", 39.90, 116.41),
        new("Bengaluru", "India", 12.97, 77.59),
        new("Berlin", "Germany", 52.52, 13.40),
        new("Bogotá", "Colombia", 4.71, -74.07),
        new("Bologna", "Italy", 44.49, 11.34),
        new("Boston", "United States", 42.36, -71.06),
        new("Brisbane", "Australia", -27.47, 153.03),
        new("Brussels", "Belgium", 50.85, 4.35),
        new("Bucharest", "Romania", 44.43, 26.10),
        new("Budapest", "Hungary", 47.50, 19.04),
        new("Buenos Aires", "Argentina", -34.60, -58.38),
        new("Cairo", "Egypt", 30.04, 31.24),
        new("Cape Town", "South Africa", -33.92, 18.42),
        new("Casablanca", "Morocco", 33.57, -7.59),
        new("Chicago", "United States", 41.88, -87.63),
        new("Copenhagen", "Denmark", 55.68, 12.57),
        new("Cork", "Ireland", 51.90, -8.47),
        new("Dakar", "Senegal", 14.72, -17.47),
        new("Delhi", "India", 28.61, 77.21),
        new("Dhaka", "Bangladesh", 23.81, 90.41),
        new("Dubai", "United Arab Emirates", 25.20, 55.27),
        new("Dublin", "Ireland", 53.35, -6.26),
        new("Edinburgh", "United Kingdom", 55.95, -3.19),
        new("Ghent", "Belgium", 51.05, 3.72),
        new("Hamburg", "Germany", 53.55, 9.99),
        new("Havana", "Cuba", 23.11, -82.37),
        new("Helsinki", "Finland", 60.17, 24.94),
        new("Ho Chi Minh City", "Vietnam", 10.82, 106.63),
        new("Hong Kong", "China", 22.32, 114.17),
        new("Istanbul", "Türkiye", 41.01, 28.98),
        new("Jakarta", "Indonesia", -6.21, 106.85),
        new("Johannesburg", "South Africa", -26.20, 28.05),
        new("Karachi", "Pakistan", 24.86, 67.01),
        new("Kinshasa", "DR Congo", -4.44, 15.27),
        new("Kolkata", "India", 22.57, 88.36),
        new("Kraków", "Poland", 50.06, 19.94),
        new("Kuala Lumpur", "Malaysia", 3.14, 101.69),
        new("Kyiv", "Ukraine", 50.45, 30.52),
        new("Lagos", "Nigeria", 6.52, 3.38),
        new("Leipzig", "Germany", 51.34, 12.37),
        new("Lima", "Peru", -12.05, -77.04),
        new("Lisbon", "Portugal", 38.72, -9.14),
        new("London", "United Kingdom", 51.51, -0.13),
        new("Los Angeles", "United States", 34.05, -118.24),
        new("Lyon", "France", 45.76, 4.84),
        new("Madrid", "Spain", 40.42, -3.70),
        new("Manchester", "United Kingdom", 53.48, -2.24),
        new("Manila", "Philippines", 14.60, 120.98),
        new("Melbourne", "Australia", -37.81, 144.96),
        new("Mexico City", "Mexico", 19.43, -99.13),
        new("Milan", "Italy", 45.46, 9.19),
        new("Montevideo", "Uruguay", -34.90, -56.16),
        new("Montreal", "Canada", 45.50, -73.57),
        new("Moscow", "Russia", 55.76, 37.62),
        new("Mumbai", "India", 19.08, 72.88),
        new("Munich", "Germany", 48.14, 11.58),
        new("Nairobi", "Kenya", -1.29, 36.82),
        new("New York", "United States", 40.71, -74.01),
        new("Oaxaca", "Mexico", 17.07, -96.73),
        new("Osaka", "Japan", 34.69, 135.50),
        new("Oslo", "Norway", 59.91, 10.75),
        new("Paris", "France", 48.86, 2.35),
        new("Perth", "Australia", -31.95, 115.86),
        new("Porto", "Portugal", 41.15, -8.61),
        new("Prague", "Czechia", 50.08, 14.44),
        new("Reykjavík", "Iceland", 64.15, -21.94),
        new("Rio de Janeiro", "Brazil", -22.91, -43.17),
        new("Rome", "Italy", 41.90, 12.50),
        new("San Francisco", "United States", 37.77, -122.42),
        new("Santiago", "Chile", -33.45, -70.67),
        new("São Paulo", "Brazil", -23.55, -46.63),
        new("Seattle", "United States", 47.61, -122.33),
        new("Seoul", "South Korea", 37.57, 126.98),
        new("Shanghai", "China", 31.23, 121.47),
        new("Singapore", "Singapore", 1.35, 103.82),
        new("Stockholm", "Sweden", 59.33, 18.07),
        new("Sydney", "Australia", -33.87, 151.21),
        new("Taipei", "Taiwan", 25.03, 121.57),
        new("Tallinn", "Estonia", 59.44, 24.75),
        new("Tartu", "Estonia", 58.38, 26.72),
        new("Tehran", "Iran", 35.69, 51.39),
        new("Tel Aviv", "Israel", 32.09, 34.78),
        new("Tokyo", "Japan", 35.68, 139.69),
        new("Toronto", "Canada", 43.65, -79.38),
        new("Vancouver", "Canada", 49.28, -123.12),
        new("Vienna", "Austria", 48.21, 16.37),
        new("Warsaw", "Poland", 52.23, 21.01),
        new("Wellington", "New Zealand", -41.29, 174.78),
        new("Zurich", "Switzerland", 47.38, 8.54),
    ];

    public static City? Find(string? label) => All.FirstOrDefault(c => c.Label == label);

    /// <summary>
    /// The listed city an address names as whole words ("Rua das Flores 12, Lisbon" is Lisbon; accents
    /// and case do not matter). Addresses end with their town, so the name found last wins ("Rua da
    /// Cintura do Porto, Lisbon" is Lisbon), then the longer one. A guess the page labels as one: a
    /// town the list lacks may share a word with a listed city.
    /// </summary>
    public static City? MentionedIn(string text)
    {
        var words = Spaced(text);
        return words.Length <= 2 ? null
            : All.Select(c => (City: c, At: words.LastIndexOf(Spaced(c.Name), StringComparison.Ordinal)))
                .Where(m => m.At >= 0)
                .OrderByDescending(m => m.At).ThenByDescending(m => m.City.Name.Length)
                .Select(m => m.City).FirstOrDefault();
    }

    private static string Spaced(string text) =>
        " " + string.Join(' ', TextFolding.Fold(text).Split([' ', ',', '.', ';', ':', '(', ')', '/', '-', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)) + " ";

    /// <summary>The city a congregation's typed place names, if the list has it ("Lisboa" finds Lisbon only by its name, not by translation).</summary>
    public static City? ForPlace(string place)
    {
        var folded = TextFolding.Fold(place);
        return folded == "" ? null : All.FirstOrDefault(c => folded.Split(',')[0].Trim() == TextFolding.Fold(c.Name));
    }
}
