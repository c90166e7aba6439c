using PartyMode.Engine.Actions;

namespace PartyMode.Cli.Protocol;

/// <summary>The wire words of action statuses, used by frames, HTTP (<c>?status=</c>, queue counts) and MCP alike.</summary>
internal static class StatusWords
{
    /// <summary>The words, in status order.</summary>
    public const string All = "pending, processing, resolved or cancelled";

    /// <summary>The wire word of a status, e.g. <c>pending</c>.</summary>
    public static string Name(ActionStatus status) => status switch
    {
        ActionStatus.Pending => "pending",
        ActionStatus.Processing => "processing",
        ActionStatus.Resolved => "resolved",
        _ => "cancelled",
    };

    /// <summary>The status a wire word names, or null for a word that names none.</summary>
    public static ActionStatus? Parse(string word) => word switch
    {
        "pending" => ActionStatus.Pending,
        "processing" => ActionStatus.Processing,
        "resolved" => ActionStatus.Resolved,
        "cancelled" => ActionStatus.Cancelled,
        _ => null,
    };
}
