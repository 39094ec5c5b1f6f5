<#import "/layout.ftl" as layout>
In het afgelopen uur gingen ${perHour} ontvangstbevestigingen uit, het maximum per uur. Er wachten er nu ${waiting}; ze gaan vanzelf uit zodra het uur om is, en de klachten zelf zijn geregistreerd.

Zoveel nieuwe klachten in een uur kan een grote storing zijn, of iemand die met valse afzenders de commissie als verzender van massamail probeert te gebruiken. Kijk in het dagoverzicht welke klachten binnenkwamen. Het maximum staat in complaints.outbox.acknowledgements-per-hour.
