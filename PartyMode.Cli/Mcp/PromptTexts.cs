namespace PartyMode.Cli.Mcp;

/// <summary>The texts of the Party Mode slash commands (MCP prompts and Claude Code command files).</summary>
internal static class PromptTexts
{
    private const string NotRunning =
        "If a tool answers that Party Mode is not running, tell the game master in one sentence and suggest `/dm:party-mode` to start it; do not retry on your own.";

    // The core of party-next and party-auto: act as the DM for one popped action.
    private const string HandleOneAction = """
        Act as the game master (DM) for the character of the player who submitted the action:
           a. Note the `action_id`, the `player_id` and the text. If the action is private (a whisper to the DM), keep its content out of anything public.
           b. Call `get_character` with `id` = the player_id to read the sheet: abilities, skills, saving throws, HP, AC, conditions, inventory, spell slots, secret background.
           c. If the outcome is uncertain, call `party_roll` with the right bonus from the sheet, for example `party_roll(expr="1d20+5", label="Thorin: Perception")`. Use `visibility="private"` with `player=<player_id>` for a result only that player should see, and `visibility="dm"` for a hidden roll. Decide the outcome from the roll honestly.
           d. If the action changes the character (damage, healing, conditions, a spent spell slot, an item used or found), call `update_character` with only the changed fields, for example `update_character(id="thorin", changes={"hp": 12, "conditions": ["poisoned"]})`.
           e. If the action meets an NPC or finds a place, use `get_npc` / `get_location` (see `list_npcs`, `list_locations`) and `reveal_npc` / `reveal_location` when the players learn of it. In combat, check `get_combat_state`, apply NPC damage with `party_update_combatant`, and call `party_next_turn` when the active combatant's turn is over.
           f. Call `party_resolve_action` with:
              - `action_id`: the action's id;
              - `narrative`: 2 to 5 vivid sentences that everyone at the table (observers too) sees; never put private results or secrets here;
              - `private_messages`: an object `{player_id: text}` for what only some players learn, for example `{"thorin": "You notice a draft under the far wall."}`; leave it out when nothing is private;
              - `dm_notes`: your reasoning, DCs, hidden rolls and plans, seen only by the game master;
              - for a private action, also `audience=["<player_id>"]` so the narrative reaches only that player.
           g. If you cannot resolve it now (you need the game master's decision), call `party_requeue_action(action_id=…)` instead. If the action is impossible, out of turn or abusive, call `party_cancel_action(action_id=…, reason=…)` with a reason the player will see.
           h. If `party_resolve_action` fails because the action is already resolved, move on; on any other error, report it in one line and call `party_requeue_action` so the action is not lost.
        """;

    public static readonly IReadOnlyList<PartyPrompt> All =
    [
        new(
            "party-mode",
            "Start Party Mode and show the players' join links and QR codes",
            "port",
            false,
            "[port]",
            """
            Start Party Mode so the players can join the game from their phones, and give the game master their join links.

            Requested port: {{ARG}}

            1. Call `start_party_mode`. Pass `port` only if a port number was requested above (otherwise leave it out and the default 8080 is used). It starts the Party Mode server in the background, or reports the one already running.
            2. If it fails, show the error in one sentence with what to do (for example: the port is taken, so try `/dm:party-mode 8081`). Stop there.
            3. On success, present:
               - the LAN URL players use and the local URL;
               - a table with one row per player seat: seat id, character name, join URL, QR image path (players scan the QR image or open the link on the same Wi-Fi); then the observer seat (for a TV or a stream audience);
               - the game master's own `dm` link separately, marked private (it only works on this machine).
            4. Call `get_party_status` once and say how many players are connected and how many actions are waiting.
            5. End with the next steps: `/dm:party-next` handles one player action, `/dm:party-auto` runs the table continuously, `/dm:party-status` shows the table, `/dm:party-stop` ends the session.
            """),
        new(
            "party-stop",
            "Stop Party Mode gracefully (stored actions are kept)",
            null,
            false,
            null,
            """
            Stop Party Mode at the end of the session.

            1. Call `stop_party_mode`.
            2. If it answers that Party Mode is not running, tell the game master there is nothing to stop, and stop there.
            3. Otherwise report in one or two sentences that Party Mode stopped, and how many pending or processing actions remain stored: they come back when `/dm:party-mode` starts it again.
            4. If it fails for another reason, show the error and suggest running `partymode stop` in a terminal.
            """),
        new(
            "party-status",
            "Show Party Mode's table: seats, queue and combat",
            null,
            false,
            null,
            $"""
            Show the game master the state of the Party Mode table.

            1. Call `get_party_status`.
            2. {NotRunning}
            3. Present, briefly:
               - the URLs, the uptime and the campaign;
               - a table of the seats: seat id, name, connected (with the number of connections), last seen, kicked;
               - the queue counts: pending, processing, resolved, cancelled;
               - the combat state: round and whose turn, or "exploration" when there is no combat.
            4. Suggest what to do next: pending actions → `/dm:party-next` or `/dm:party-auto`; a processing action left over from an interrupted run → `party_requeue_action`; a kicked seat → `/dm:party-token <player>` lets them back.
            """),
        new(
            "party-next",
            "Handle the next player action as the game master",
            null,
            false,
            null,
            $"""
            You are the game master of this Party Mode table. Handle exactly one player action.

            1. Call `party_pop_action` (no wait).
            2. If it answers "No pending actions", tell the game master the queue is empty and stop there. {NotRunning}
            3. {HandleOneAction}
            4. Report to the game master in a few lines: who acted and what they tried, the rolls and their results, the public narrative, which players got private messages, and your DM notes.
            """),
        new(
            "party-auto",
            "Run the table continuously: handle every player action as it arrives",
            null,
            false,
            null,
            $"""
            You are the game master of this Party Mode table. Run it continuously: handle every player action as it arrives, until the game master interrupts you.

            Loop:
            1. Call `party_pop_action` with `wait_seconds=30`.
            2. If it answers "No pending actions", that is normal (the players are thinking): do not stop, do not ask anything, call `party_pop_action(wait_seconds=30)` again.
            3. When it returns an action: {HandleOneAction}
            4. After each resolved action print one short line (player, action, outcome) and go back to step 1.
            5. If a tool answers that Party Mode is not running, leave the loop and tell the game master to start it with `/dm:party-mode`. On any other error, report it in one line, call `party_requeue_action` for the action you hold (if any), and go back to step 1.
            6. Every ten actions or so, call `get_party_status` to keep track of connected players and combat turns.

            Never leave the loop on your own and never end it because the queue is empty: only the game master's interruption ends it.
            """),
        new(
            "party-kick",
            "Remove a player from the table (their link stops working)",
            "player",
            true,
            "<player>",
            $"""
            Remove the player "{PartyPrompt.Placeholder}" from the Party Mode table.

            1. If no player id was given, call `list_characters`, show the seat ids, ask the game master which one to kick, and stop there.
            2. Call `party_kick_player` with `player` = the player id (a character id such as `thorin`, or `observer`).
            3. If it answers that the seat is not found, call `list_characters` and show the valid ids. {NotRunning}
            4. On success, report: the seat is revoked, how many connections were closed, its pending actions are cancelled, and `/dm:party-token {PartyPrompt.Placeholder}` gives the player a new link when they may come back.
            """),
        new(
            "party-token",
            "Issue a new join link and QR code for a player",
            "player",
            true,
            "<player>",
            $"""
            Issue a new join link for the player "{PartyPrompt.Placeholder}" (a lost phone, a leaked link, or to let a kicked player back).

            1. If no player id was given, call `list_characters`, show the seat ids, ask the game master which one, and stop there.
            2. Call `party_refresh_token` with `player` = the player id (a character id such as `thorin`, or `observer`).
            3. If it answers that the seat is not found, call `list_characters` and show the valid ids. {NotRunning}
            4. On success, present the new join URL and the path of the new QR image for the player to scan, and say that the old link no longer works.
            """),
    ];

    public static PartyPrompt Get(string name) => All.Single(p => p.Name == name);
}
