using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddRoundsFoundTimesAndImportProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PayBy",
                table: "Rsvps",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CancelRequested",
                table: "HandbookImports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Cancelled",
                table: "HandbookImports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "FilesRead",
                table: "HandbookImports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FilesTotal",
                table: "HandbookImports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PagesIndexed",
                table: "HandbookImports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PagesRendered",
                table: "HandbookImports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PagesTotal",
                table: "HandbookImports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "HandbookImports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Trigger",
                table: "HandbookImports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "AnnouncedAt",
                table: "GatheringEvents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoursToPay",
                table: "GatheringEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAt",
                table: "DiscountCodes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxUses",
                table: "DiscountCodes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Uses",
                table: "DiscountCodes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AvailabilityMarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupKind = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Grid = table.Column<string>(type: "character varying(168)", maxLength: 168, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvailabilityMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FormationRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    PreferencesDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MinSize = table.Column<int>(type: "integer", nullable: false),
                    MaxSize = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    OpenedByUserId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RanAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormationRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormationRounds_AspNetUsers_OpenedByUserId",
                        column: x => x.OpenedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FormationRounds_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FoundTimes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupKind = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Hour = table.Column<int>(type: "integer", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConfirmedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoundTimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandbookSync",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Interval = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NextDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RunningImportId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandbookSync", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposedCrews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SharedSlots = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CommonInterests = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Answers = table.Column<int>(type: "integer", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: true),
                    FormedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposedCrews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposedCrews_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProposedCrews_FormationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FormationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormationParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Interests = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Availability = table.Column<string>(type: "character varying(168)", maxLength: 168, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProposedCrewId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnplacedReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Answer = table.Column<int>(type: "integer", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormationParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormationParticipants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormationParticipants_FormationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FormationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormationParticipants_ProposedCrews_ProposedCrewId",
                        column: x => x.ProposedCrewId,
                        principalTable: "ProposedCrews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "FormationPreferences",
                columns: table => new
                {
                    FromParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    AboutParticipantId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Choice = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormationPreferences", x => new { x.FromParticipantId, x.AboutParticipantId });
                    table.ForeignKey(
                        name: "FK_FormationPreferences_FormationParticipants_AboutParticipant~",
                        column: x => x.AboutParticipantId,
                        principalTable: "FormationParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormationPreferences_FormationParticipants_FromParticipantId",
                        column: x => x.FromParticipantId,
                        principalTable: "FormationParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormationPreferences_FormationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FormationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "HandbookSync",
                columns: new[] { "Id", "ClaimedUntil", "Interval", "NextDueAt", "RunningImportId" },
                values: new object[] { 1, null, "Off", null, null });

            migrationBuilder.CreateIndex(
                name: "IX_AvailabilityMarks_GroupKind_GroupId_UserId",
                table: "AvailabilityMarks",
                columns: new[] { "GroupKind", "GroupId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormationParticipants_ProposedCrewId",
                table: "FormationParticipants",
                column: "ProposedCrewId");

            migrationBuilder.CreateIndex(
                name: "IX_FormationParticipants_RoundId_UserId",
                table: "FormationParticipants",
                columns: new[] { "RoundId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormationParticipants_UserId",
                table: "FormationParticipants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_FormationPreferences_AboutParticipantId",
                table: "FormationPreferences",
                column: "AboutParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_FormationPreferences_RoundId",
                table: "FormationPreferences",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_FormationRounds_CongregationId",
                table: "FormationRounds",
                column: "CongregationId");

            migrationBuilder.CreateIndex(
                name: "IX_FormationRounds_OpenedByUserId",
                table: "FormationRounds",
                column: "OpenedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FoundTimes_EventId",
                table: "FoundTimes",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_FoundTimes_GroupKind_GroupId",
                table: "FoundTimes",
                columns: new[] { "GroupKind", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposedCrews_CrewId",
                table: "ProposedCrews",
                column: "CrewId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposedCrews_RoundId_Number",
                table: "ProposedCrews",
                columns: new[] { "RoundId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AvailabilityMarks");

            migrationBuilder.DropTable(
                name: "FormationPreferences");

            migrationBuilder.DropTable(
                name: "FoundTimes");

            migrationBuilder.DropTable(
                name: "HandbookSync");

            migrationBuilder.DropTable(
                name: "FormationParticipants");

            migrationBuilder.DropTable(
                name: "ProposedCrews");

            migrationBuilder.DropTable(
                name: "FormationRounds");

            migrationBuilder.DropColumn(
                name: "PayBy",
                table: "Rsvps");

            migrationBuilder.DropColumn(
                name: "CancelRequested",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "Cancelled",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "FilesRead",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "FilesTotal",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "PagesIndexed",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "PagesRendered",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "PagesTotal",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "Trigger",
                table: "HandbookImports");

            migrationBuilder.DropColumn(
                name: "AnnouncedAt",
                table: "GatheringEvents");

            migrationBuilder.DropColumn(
                name: "HoursToPay",
                table: "GatheringEvents");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "DiscountCodes");

            migrationBuilder.DropColumn(
                name: "MaxUses",
                table: "DiscountCodes");

            migrationBuilder.DropColumn(
                name: "Uses",
                table: "DiscountCodes");
        }
    }
}
