using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DyadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProposedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InForceAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Term = table.Column<int>(type: "INTEGER", nullable: false),
                    AtMeeting = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AddedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CongregationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Term = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Signed = table.Column<bool>(type: "INTEGER", nullable: false),
                    SharedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Term = table.Column<int>(type: "INTEGER", nullable: false),
                    AtMeeting = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    WhatWorked = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatDidNot = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OneChange = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SharedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
