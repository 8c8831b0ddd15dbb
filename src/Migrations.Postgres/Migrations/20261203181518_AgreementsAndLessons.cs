using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AgreementsAndLessons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LookBackReminderAt",
                table: "Crews",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: true),
                    DyadId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ProposedByUserId = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InForceAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Agreements_Dyads_DyadId",
                        column: x => x.DyadId,
                        principalTable: "Dyads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrewChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Term = table.Column<int>(type: "integer", nullable: false),
                    AtMeeting = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AddedByUserId = table.Column<string>(type: "text", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrewChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrewChanges_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrewLessons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Term = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Signed = table.Column<bool>(type: "boolean", nullable: false),
                    SharedByUserId = table.Column<string>(type: "text", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrewLessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrewLessons_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CrewLessons_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SharedReflections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Term = table.Column<int>(type: "integer", nullable: false),
                    AtMeeting = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    WhatWorked = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WhatDidNot = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OneChange = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SharedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedReflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharedReflections_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SharedReflections_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementAcceptances_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementAcceptances_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAcceptances_AgreementId_UserId",
                table: "AgreementAcceptances",
                columns: new[] { "AgreementId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAcceptances_UserId",
                table: "AgreementAcceptances",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_CrewId_Version",
                table: "Agreements",
                columns: new[] { "CrewId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_DyadId_Version",
                table: "Agreements",
                columns: new[] { "DyadId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_ProposedByUserId",
                table: "Agreements",
                column: "ProposedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CrewChanges_AddedByUserId",
                table: "CrewChanges",
                column: "AddedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CrewChanges_CrewId_Term_AtMeeting",
                table: "CrewChanges",
                columns: new[] { "CrewId", "Term", "AtMeeting" });

            migrationBuilder.CreateIndex(
                name: "IX_CrewLessons_CongregationId_SharedAt",
                table: "CrewLessons",
                columns: new[] { "CongregationId", "SharedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CrewLessons_CrewId",
                table: "CrewLessons",
                column: "CrewId");

            migrationBuilder.CreateIndex(
                name: "IX_CrewLessons_SharedByUserId",
                table: "CrewLessons",
                column: "SharedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SharedReflections_CrewId_Term_AtMeeting_UserId",
                table: "SharedReflections",
                columns: new[] { "CrewId", "Term", "AtMeeting", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SharedReflections_UserId",
                table: "SharedReflections",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementAcceptances");

            migrationBuilder.DropTable(
                name: "CrewChanges");

            migrationBuilder.DropTable(
                name: "CrewLessons");

            migrationBuilder.DropTable(
                name: "SharedReflections");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropColumn(
                name: "LookBackReminderAt",
                table: "Crews");
        }
    }
}
