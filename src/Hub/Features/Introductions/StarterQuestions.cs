namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>A question to start a first conversation with; each introduction carries one (by its place in the list).</summary>
public static class StarterQuestions
{
    public static readonly IReadOnlyList<string> All =
    [
        "What brought you to this congregation, and what has kept you here?",
        "What is something you are learning at the moment, by choice or not?",
        "Who has had your back in the last few years, and what did they do?",
        "What kind of work feels meaningful to you, paid or not?",
        "What would a good crew give you that you do not have now?",
        "What is alive in you this week?",
        "Where do you feel most at home, and who is there with you?",
        "What is a small thing you would like help with, and a thing you are glad to help others with?",
    ];

    /// <summary>The question at a stored place; a place beyond the list (it shrank) wraps round.</summary>
    public static string At(int index) => All[Index(index)];

    /// <summary>The place in the list a stored place stands for; the letters ask for "Introductions.Question.{place}" in the reader's language.</summary>
    public static int Index(int index) => (index % All.Count + All.Count) % All.Count;
}
