namespace PartyMode.Cli.Limits;

/// <summary>What <see cref="LogBudget.Take"/> allows.</summary>
internal enum LogBudgetAnswer
{
    Log,
    LastLine,
    Skip,
}
